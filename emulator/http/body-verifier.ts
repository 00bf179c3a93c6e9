import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from '../s3/errors';
import { createChecksum, type Checksum, type ChecksumAlgorithm } from './checksums';

export interface BodyExpectations {
  /** Hex SHA-256 the client signed (x-amz-content-sha256), when it is a plain payload hash. */
  sha256Hex?: string;
  /** Base64 MD5 from Content-MD5. */
  md5Base64?: string;
  /** The x-amz-checksum-* to verify: a header value, or a trailer that arrives once the body has been read. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string | (() => Promise<string | undefined>) };
}

/**
 * Passes bytes through while hashing them; when the stream ends it checks every expectation and fails the stream
 * with S3's error (so the blob is never committed). MD5 is always computed: it is the ETag.
 */
export class BodyVerifier extends Transform {
  private readonly md5: Hash = createHash('md5');
  private readonly sha256: Hash | undefined;
  private readonly checksum: Checksum | undefined;
  private md5Hex: string | undefined;
  private checksumValue: string | undefined;

  constructor(private readonly expectations: BodyExpectations) {
    super();
    this.sha256 = expectations.sha256Hex ? createHash('sha256') : undefined;
    this.checksum = expectations.checksum ? createChecksum(expectations.checksum.algorithm) : undefined;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.md5.update(chunk);
    this.sha256?.update(chunk);
    this.checksum?.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.finishChecks().then(
      () => callback(),
      (error: unknown) => callback(error as Error),
    );
  }

  /** Hex MD5 of everything that passed; valid after the stream ended. */
  digestMd5Hex(): string {
    if (this.md5Hex === undefined) throw new Error('body not finished');
    return this.md5Hex;
  }

  /** The verified checksum (algorithm and base64 value), when the client sent one. */
  verifiedChecksum(): { algorithm: ChecksumAlgorithm; value: string } | null {
    const expected = this.expectations.checksum;
    return expected && this.checksumValue ? { algorithm: expected.algorithm, value: this.checksumValue } : null;
  }

  private async finishChecks(): Promise<void> {
    const md5 = this.md5.digest();
    this.md5Hex = md5.toString('hex');
    const { sha256Hex, md5Base64, checksum } = this.expectations;
    if (sha256Hex && this.sha256) {
      const computed = this.sha256.digest('hex');
      if (computed !== sha256Hex.toLowerCase()) {
        throw new S3Error('XAmzContentSHA256Mismatch', {
          extra: { ClientComputedContentSHA256: sha256Hex, S3ComputedContentSHA256: computed },
        });
      }
    }
    if (md5Base64 !== undefined && md5.toString('base64') !== md5Base64) {
      throw new S3Error('BadDigest', {
        extra: { ExpectedDigest: Buffer.from(md5Base64, 'base64').toString('hex'), CalculatedDigest: md5.toString('base64') },
      });
    }
    if (checksum && this.checksum) {
      const expected = typeof checksum.value === 'string' ? checksum.value : await checksum.value();
      const computed = this.checksum.digestBase64();
      if (expected === undefined) {
        throw new S3Error('MalformedTrailerError', {
          message: `The trailing header x-amz-checksum-${checksum.algorithm.toLowerCase()} was declared but not sent.`,
        });
      }
      if (expected !== computed) {
        throw new S3Error('BadDigest', {
          message: `The ${checksum.algorithm} you specified did not match the calculated checksum.`,
        });
      }
      this.checksumValue = computed;
    }
  }
}
