import { createHash } from 'node:crypto';
import { createCrc32, createCrc32c, createCrc64Nvme, type CrcState } from './checksum-crc';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256' | 'CRC64NVME';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'];

/** A streaming hasher. `digestBase64()`/`digest()` may be called repeatedly; `update()` after them throws. */
export interface Checksum {
  update(chunk: Uint8Array): void;
  digestBase64(): string;
  /** Raw big-endian digest (what composite multipart checksums are computed over). */
  digest(): Uint8Array;
}

const DIGEST_LENGTH: Record<ChecksumAlgorithm, number> = {
  CRC32: 4,
  CRC32C: 4,
  SHA1: 20,
  SHA256: 32,
  CRC64NVME: 8,
};

/** Number of bytes in a digest of this algorithm (a valid header value is the base64 of exactly that many). */
export function checksumDigestLength(alg: ChecksumAlgorithm): number {
  return DIGEST_LENGTH[alg];
}

function createCrcState(alg: 'CRC32' | 'CRC32C' | 'CRC64NVME'): CrcState {
  if (alg === 'CRC32') return createCrc32();
  if (alg === 'CRC32C') return createCrc32c();
  return createCrc64Nvme();
}

function createShaState(alg: 'SHA1' | 'SHA256'): CrcState {
  const hash = createHash(alg === 'SHA1' ? 'sha1' : 'sha256');
  let result: Uint8Array | undefined;
  return {
    update(chunk) {
      hash.update(chunk);
    },
    value() {
      result ??= new Uint8Array(hash.digest());
      return result;
    },
  };
}

export function createChecksum(alg: ChecksumAlgorithm): Checksum {
  const state = alg === 'SHA1' || alg === 'SHA256' ? createShaState(alg) : createCrcState(alg);
  let final: Uint8Array | undefined;
  const digest = (): Uint8Array => {
    final ??= state.value();
    return final;
  };
  return {
    update(chunk) {
      if (final) throw new Error(`${alg} checksum already finalised`);
      state.update(chunk);
    },
    digest: () => digest().slice(),
    digestBase64: () => Buffer.from(digest()).toString('base64'),
  };
}

/** One-shot convenience: base64 digest of a whole buffer. */
export function checksumBase64(alg: ChecksumAlgorithm, data: Uint8Array): string {
  const checksum = createChecksum(alg);
  checksum.update(data);
  return checksum.digestBase64();
}

export function checksumHeaderName(alg: ChecksumAlgorithm): string {
  return `x-amz-checksum-${alg.toLowerCase()}`;
}

/** `x-amz-checksum-crc32` (any case) → 'CRC32'; anything else (including `x-amz-checksum-type`) → undefined. */
export function algorithmFromHeaderName(name: string): ChecksumAlgorithm | undefined {
  const prefix = 'x-amz-checksum-';
  const lower = name.toLowerCase();
  if (!lower.startsWith(prefix)) return undefined;
  return parseChecksumAlgorithm(lower.slice(prefix.length));
}

/** Value of `x-amz-checksum-algorithm` / `x-amz-sdk-checksum-algorithm` (case-insensitive) → algorithm. */
export function parseChecksumAlgorithm(value: string): ChecksumAlgorithm | undefined {
  const upper = value.trim().toUpperCase();
  return CHECKSUM_ALGORITHMS.find((alg) => alg === upper);
}

/** Whether a header value is well-formed base64 of a digest of the right length for the algorithm. */
export function isWellFormedChecksumValue(alg: ChecksumAlgorithm, base64: string): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return false;
  return Buffer.from(base64, 'base64').length === DIGEST_LENGTH[alg];
}
