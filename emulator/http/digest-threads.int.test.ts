import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { inThreadDigests } from './body-digests';
import { OFF_THREAD_DIGEST_BYTES } from './body-verifier';
import { checksumBase64 } from './checksums';
import { offThreadDigests } from './digest-threads';

describe('offThreadDigests', () => {
  it('computes what in-thread hashing computes, whatever the chunking', async () => {
    const body = randomBytes(3 * 1024 * 1024 + 17);
    for (const checksum of ['CRC32', 'CRC64NVME', 'SHA1'] as const) {
      const request = { sha256: true, checksum };
      const here = inThreadDigests(request);
      const there = offThreadDigests(request);
      for (let at = 0, size = 1; at < body.length; at += size, size = (size * 7 + 13) % 300_000) {
        const chunk = body.subarray(at, at + size);
        here.update(chunk);
        there.update(chunk);
      }
      expect(await there.finish()).toEqual(await here.finish());
    }
  });

  it('keeps concurrent jobs apart and forgets a discarded one', async () => {
    const bodies = [randomBytes(700_000), randomBytes(900_000), randomBytes(10)];
    const discarded = offThreadDigests({ sha256: false });
    discarded.update(randomBytes(1000));
    discarded.discard();
    const results = await Promise.all(
      bodies.map((body) => {
        const digests = offThreadDigests({ sha256: true });
        digests.update(body);
        return digests.finish();
      }),
    );
    results.forEach((result, i) => {
      expect(result.md5.toString('hex')).toBe(createHash('md5').update(bodies[i] as Buffer).digest('hex'));
      expect(result.sha256Hex).toBe(createHash('sha256').update(bodies[i] as Buffer).digest('hex'));
    });
  });
});

describe('large bodies on the endpoint (hashed off the event loop)', () => {
  const fixture = endpointForSuite({ tempPrefix: 'digest-threads-' });
  const BUCKET = 'digests';
  const body = randomBytes(OFF_THREAD_DIGEST_BYTES * 2 + 5);
  beforeAll(async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });

  it('stores the body with its MD5 as ETag and the checksum the client sent', async () => {
    const put = await fixture.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'good', Body: body, ChecksumCRC32: checksumBase64('CRC32', body) }),
    );
    expect(put.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    const got = await fixture.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'good', ChecksumMode: 'ENABLED' }));
    expect(got.ChecksumCRC32).toBe(checksumBase64('CRC32', body));
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);
  });

  it('refuses a wrong Content-MD5 or checksum with BadDigest and stores nothing', async () => {
    const wrongMd5 = createHash('md5').update('something else').digest('base64');
    await expect(fixture.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad-md5', Body: body, ContentMD5: wrongMd5 }))).rejects.toMatchObject({
      name: 'BadDigest',
    });
    await expect(
      fixture.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad-crc', Body: body, ChecksumCRC32: checksumBase64('CRC32', Buffer.from('x')) })),
    ).rejects.toMatchObject({ name: 'BadDigest' });
    for (const key of ['bad-md5', 'bad-crc']) {
      await expect(fixture.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    }
  });
});
