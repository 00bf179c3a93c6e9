import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../index';

/** The server answers a request that may have written only once Store.durable() (the WAL fsync) has resolved. */
describe('acknowledgement after the group commit', () => {
  let emulator: EmulatorHandle;
  let client: S3Client;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'durable-ack-'));
    emulator = await startEmulator({ port: 0, dataDir, logger: { info() {}, warn() {}, error() {} } });
    client = new S3Client({ endpoint: emulator.url, region: 'us-east-1', forcePathStyle: true, credentials: emulator.credentials });
    await client.send(new CreateBucketCommand({ Bucket: 'durable' }));
  });

  afterAll(async () => {
    client.destroy();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the PUT response until the flush resolves, and reads do not wait for it', async () => {
    const realDurable = emulator.store.durable.bind(emulator.store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let flushRequested = false;
    emulator.store.durable = async () => {
      flushRequested = true;
      await gate;
      return realDurable();
    };
    try {
      let answered = false;
      const put = client.send(new PutObjectCommand({ Bucket: 'durable', Key: 'k', Body: 'bytes' })).then((out) => {
        answered = true;
        return out;
      });
      await expect.poll(() => flushRequested).toBe(true);
      // Committed (readable) but not yet acknowledged.
      const read = await client.send(new GetObjectCommand({ Bucket: 'durable', Key: 'k' }));
      expect(await read.Body?.transformToString()).toBe('bytes');
      expect(answered).toBe(false);
      release();
      expect((await put).ETag).toBeDefined();
    } finally {
      emulator.store.durable = realDurable;
    }
  });

  it('answers InternalError when the flush fails, never acknowledging the write', async () => {
    const realDurable = emulator.store.durable.bind(emulator.store);
    emulator.store.durable = () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    try {
      await expect(client.send(new PutObjectCommand({ Bucket: 'durable', Key: 'k2', Body: 'x' }))).rejects.toMatchObject({
        name: 'InternalError',
      });
    } finally {
      emulator.store.durable = realDurable;
    }
  });
});
