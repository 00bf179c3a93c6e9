import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from '../s3/errors';
import { inThreadDigests, type BodyDigests } from './body-digests';
import type { ChecksumAlgorithm } from './checksums';
import { offThreadDigests } from './digest-threads';

export interface BodyExpectations {
  /** Hex SHA-256 the client signed (x-amz-content-sha256), when it is a plain payload hash. */
  sha256Hex?: string;
  /** Base64 MD5 from Content-MD5. */
  md5Base64?: string;
  /** The x-amz-checksum-* to verify: a header value, or a trailer that arrives once the body has been read. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string | (() => Promise<string | undefined>) };
}

/** Bodies at least this large (as declared) are hashed on a digest thread instead of the event loop. */
export const OFF_THREAD_DIGEST_BYTES = 1024 * 1024;

/**
 * Passes bytes through while hashing them; when the stream ends it checks every expectation and fails the stream
 * with S3's error (so the blob is never committed). MD5 is always computed: it is the ETag.
 */
export class BodyVerifier extends Transform {
  private readonly digests: BodyDigests;
  private md5Hex: string | undefined;
  private checksumValue: string | undefined;
  private finished = false;

  /** `declaredBytes`: the body's length as the request declares it, when it does. */
  constructor(
    private readonly expectations: BodyExpectations,
    declaredBytes?: number,
  ) {
    super();
    const request = { sha256: expectations.sha256Hex !== undefined, checksum: expectations.checksum?.algorithm };
    this.digests =
      declaredBytes !== undefined && declaredBytes >= OFF_THREAD_DIGEST_BYTES ? offThreadDigests(request) : inThreadDigests(request);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.digests.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.finished = true;
    this.finishChecks().then(
      () => callback(),
      (error: unknown) => callback(error as Error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.finished) this.digests.discard();
    callback(error);
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
    const digests = await this.digests.finish();
    const md5 = digests.md5;
    this.md5Hex = md5.toString('hex');
    const { sha256Hex, md5Base64, checksum } = this.expectations;
    if (sha256Hex) {
      const computed = digests.sha256Hex ?? '';
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
    if (checksum) {
      const expected = typeof checksum.value === 'string' ? checksum.value : await checksum.value();
      const computed = digests.checksumBase64;
      if (expected === undefined) {
        throw new S3Error('MalformedTrailerError', {
          message: `The trailing header x-amz-checksum-${checksum.algorithm.toLowerCase()} was declared but not sent.`,
        });
      }
      if (computed === undefined || expected !== computed) {
        throw new S3Error('BadDigest', {
          message: `The ${checksum.algorithm} you specified did not match the calculated checksum.`,
        });
      }
      this.checksumValue = computed;
    }
  }
}
