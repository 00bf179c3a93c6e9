import { createHash } from 'node:crypto';
import { Crc32Js, Crc32cJs, Crc64NvmeJs } from '@aws-sdk/checksums/crc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKSUM_ALGORITHMS,
  algorithmFromHeaderName,
  checksumBase64,
  checksumDigestLength,
  checksumHeaderName,
  createChecksum,
  isWellFormedChecksumValue,
  parseChecksumAlgorithm,
  type ChecksumAlgorithm,
} from './checksums';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (base64: string): string => Buffer.from(base64, 'base64').toString('hex');

/** What the AWS SDK itself computes (its own CRC implementations, node:crypto for SHA). */
async function sdkChecksumBase64(alg: ChecksumAlgorithm, data: Uint8Array): Promise<string> {
  if (alg === 'SHA1' || alg === 'SHA256') {
    return createHash(alg === 'SHA1' ? 'sha1' : 'sha256').update(data).digest('base64');
  }
  const hasher = alg === 'CRC32' ? new Crc32Js() : alg === 'CRC32C' ? new Crc32cJs() : new Crc64NvmeJs();
  hasher.update(data);
  return Buffer.from(await hasher.digest()).toString('base64');
}

describe('createChecksum', () => {
  it.each([
    ['CRC32', 'cbf43926'],
    ['CRC32C', 'e3069283'],
    ['CRC64NVME', 'ae8b14860a799888'],
    ['SHA1', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441'],
    ['SHA256', '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225'],
  ] as const)('%s of "123456789" is the catalogued check value %s', (alg, expectedHex) => {
    expect(hex(checksumBase64(alg, text('123456789')))).toBe(expectedHex);
  });

  it.each([
    ['CRC32', 'AAAAAA=='],
    ['CRC32C', 'AAAAAA=='],
    ['CRC64NVME', 'AAAAAAAAAAA='],
    ['SHA1', '2jmj7l5rSw0yVb/vlWAYkK/YBwk='],
    ['SHA256', '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
  ] as const)('%s of the empty body is %s', (alg, expected) => {
    expect(createChecksum(alg).digestBase64()).toBe(expected);
  });

  it('agrees with the SDK on a pangram for every algorithm', async () => {
    for (const alg of CHECKSUM_ALGORITHMS) {
      const data = text('The quick brown fox jumps over the lazy dog');
      expect(checksumBase64(alg, data)).toBe(await sdkChecksumBase64(alg, data));
    }
  });

  it('agrees with the SDK on random data fed in random pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHECKSUM_ALGORITHMS),
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (alg, data, cuts) => {
          const points = [...new Set(cuts.map((c) => (data.length ? c % data.length : 0)))].sort((a, b) => a - b);
          const checksum = createChecksum(alg);
          let start = 0;
          for (const point of [...points, data.length]) {
            checksum.update(data.subarray(start, point));
            start = point;
          }
          expect(checksum.digestBase64()).toBe(await sdkChecksumBase64(alg, data));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is repeatable after digest and refuses further updates', () => {
    const checksum = createChecksum('CRC32C');
    checksum.update(text('abc'));
    const first = checksum.digestBase64();
    expect(checksum.digestBase64()).toBe(first);
    expect(Buffer.from(checksum.digest()).toString('base64')).toBe(first);
    expect(() => checksum.update(text('d'))).toThrow(/finalised/);
  });

  it('hashes 8 MiB of CRC32C and CRC64NVME in well under a second each', () => {
    const data = new Uint8Array(8 * 1024 * 1024).map((_, i) => i * 31);
    for (const alg of ['CRC32C', 'CRC64NVME'] as const) {
      const started = performance.now();
      checksumBase64(alg, data);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('header names', () => {
  it('maps algorithms to S3 header names and back', () => {
    for (const alg of CHECKSUM_ALGORITHMS) {
      expect(algorithmFromHeaderName(checksumHeaderName(alg))).toBe(alg);
    }
    expect(checksumHeaderName('CRC64NVME')).toBe('x-amz-checksum-crc64nvme');
    expect(algorithmFromHeaderName('X-Amz-Checksum-SHA256')).toBe('SHA256');
    expect(algorithmFromHeaderName('x-amz-checksum-type')).toBeUndefined();
    expect(algorithmFromHeaderName('x-amz-checksum-algorithm')).toBeUndefined();
    expect(algorithmFromHeaderName('content-md5')).toBeUndefined();
  });

  it('parses x-amz-checksum-algorithm values case-insensitively', () => {
    expect(parseChecksumAlgorithm('crc32c')).toBe('CRC32C');
    expect(parseChecksumAlgorithm('MD5')).toBeUndefined();
  });

  it('validates header values by digest length', () => {
    expect(checksumDigestLength('SHA1')).toBe(20);
    expect(isWellFormedChecksumValue('CRC32', checksumBase64('CRC32', text('x')))).toBe(true);
    expect(isWellFormedChecksumValue('CRC32', 'AAAAAAAA')).toBe(false);
    expect(isWellFormedChecksumValue('CRC32', 'not base64!')).toBe(false);
    expect(isWellFormedChecksumValue('CRC64NVME', 'AAAAAAAAAAA=')).toBe(true);
  });
});
