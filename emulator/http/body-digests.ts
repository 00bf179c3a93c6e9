import { createHash } from 'node:crypto';
import { createChecksum, type ChecksumAlgorithm } from './checksums';

/** Which digests of a request body to compute; MD5 (the ETag) always. */
export interface DigestRequest {
  sha256: boolean;
  checksum?: ChecksumAlgorithm;
}

export interface DigestResult {
  md5: Buffer;
  sha256Hex?: string;
  checksumBase64?: string;
}

/** The digests of a body, fed chunk by chunk. */
export interface BodyDigests {
  update(chunk: Buffer): void;
  /** Once, after the last update. */
  finish(): Promise<DigestResult>;
  /** The body will not finish (it failed); frees what the digests hold. */
  discard(): void;
}

/** Hashing on the calling thread (small bodies, and inside the digest thread itself). */
export function inThreadDigests(request: DigestRequest): BodyDigests & { finishNow(): DigestResult } {
  const md5 = createHash('md5');
  const sha256 = request.sha256 ? createHash('sha256') : undefined;
  const checksum = request.checksum ? createChecksum(request.checksum) : undefined;
  const finishNow = (): DigestResult => ({
    md5: md5.digest(),
    sha256Hex: sha256?.digest('hex'),
    checksumBase64: checksum?.digestBase64(),
  });
  return {
    update(chunk) {
      md5.update(chunk);
      sha256?.update(chunk);
      checksum?.update(chunk);
    },
    finishNow,
    finish: async () => finishNow(),
    discard: () => undefined,
  };
}
