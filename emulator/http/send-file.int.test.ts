import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';

/** Large objects are sent from their blob file through pooled 256 KiB chunks (send-file.ts). */
const fixture = endpointForSuite({ tempPrefix: 'send-file-' });
const BUCKET = 'send-file';
const SIZE = 3 * 256 * 1024 + 12_345;
const bodies = new Map<string, Buffer>();

const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function get(key: string, range?: string): Promise<Buffer> {
  const response = await fixture.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: range }));
  return Buffer.from((await response.Body?.transformToByteArray()) ?? []);
}

beforeAll(async () => {
  await fixture.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (let i = 0; i < 6; i++) {
    const body = randomBytes(SIZE + i * 1000);
    bodies.set(`large-${i}`, body);
    await fixture.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `large-${i}`, Body: body }));
  }
});

describe('GET of a file-backed object', () => {
  it('sends every byte, and ranges across chunk boundaries', async () => {
    const body = bodies.get('large-0') as Buffer;
    expect((await get('large-0')).equals(body)).toBe(true);
    const boundary = 256 * 1024;
    expect((await get('large-0', `bytes=${boundary - 10}-${boundary + 9}`)).equals(body.subarray(boundary - 10, boundary + 10))).toBe(true);
    expect((await get('large-0', `bytes=-5`)).equals(body.subarray(body.length - 5))).toBe(true);
  });

  it('keeps concurrent responses apart while their chunks are reused', async () => {
    const keys = [...bodies.keys()];
    const results = await Promise.all([...keys, ...keys, ...keys].map(async (key) => ({ key, bytes: await get(key) })));
    for (const { key, bytes } of results) expect(bytes.equals(bodies.get(key) as Buffer)).toBe(true);
  });

  it('stops and closes the file when the client goes away mid-body, and serves the next request', async () => {
    const before = openDescriptors();
    // A raw request (presigned, so it is let in) whose client stops reading after the first chunk.
    const signed = new URL(await getSignedUrl(fixture.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'large-1' })));
    await new Promise<void>((resolve, reject) => {
      const req = request(signed, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    expect((await get('large-2')).equals(bodies.get('large-2') as Buffer)).toBe(true);
    await expect.poll(openDescriptors, { timeout: 5000 }).toBeLessThanOrEqual(before);
  });
});
