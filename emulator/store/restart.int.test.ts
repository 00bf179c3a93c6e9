import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestEndpoint } from '../test/harness';
import { startChildEndpoint } from '../testing/child-endpoint.testkit';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function blobFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'blobs');
  return readdirSync(root).flatMap((shard) => readdirSync(path.join(root, shard)));
}

describe('restart on the same data directory', () => {
  it('serves everything written before, with the same credentials, and sweeps orphans', async () => {
    const first = await startTestEndpoint();
    dirs.push(first.dataDir);
    await first.s3.send(new CreateBucketCommand({ Bucket: 'keep' }));
    await first.s3.send(new PutBucketVersioningCommand({ Bucket: 'keep', VersioningConfiguration: { Status: 'Enabled' } }));
    const v1 = await first.s3.send(new PutObjectCommand({ Bucket: 'keep', Key: '../../etc/passwd', Body: 'root:x:0:0' }));
    await first.s3.send(new PutObjectCommand({ Bucket: 'keep', Key: '../../etc/passwd', Body: 'changed', Metadata: { m: 'v' } }));
    const { UploadId } = await first.s3.send(new CreateMultipartUploadCommand({ Bucket: 'keep', Key: 'pending' }));
    await first.s3.send(new UploadPartCommand({ Bucket: 'keep', Key: 'pending', UploadId, PartNumber: 1, Body: 'part' }));
    const credentials = first.emulator.credentials;
    await first.stop({ keepData: true });
    expect(existsSync(path.join(first.dataDir, '..', 'etc'))).toBe(false);

    const orphan = path.join(first.dataDir, 'blobs', 'ff', 'ffffffff-ffff-4fff-8fff-ffffffffffff');
    mkdirSync(path.dirname(orphan), { recursive: true });
    writeFileSync(orphan, 'orphan');
    writeFileSync(path.join(first.dataDir, 'tmp', 'half-written.tmp'), 'partial');
    const blobsBefore = blobFiles(first.dataDir).length;

    const second = await startTestEndpoint(first.dataDir);
    expect(second.emulator.credentials.accessKeyId).toBe(credentials.accessKeyId);
    expect(second.emulator.credentials.secretAccessKey).toBe(credentials.secretAccessKey);
    expect(existsSync(orphan)).toBe(false);
    expect(readdirSync(path.join(first.dataDir, 'tmp'))).toEqual([]);
    expect(blobFiles(first.dataDir).length).toBe(blobsBefore - 1);

    const current = await second.s3.send(new GetObjectCommand({ Bucket: 'keep', Key: '../../etc/passwd' }));
    expect(await current.Body?.transformToString()).toBe('changed');
    expect(current.Metadata).toEqual({ m: 'v' });
    const old = await second.s3.send(new GetObjectCommand({ Bucket: 'keep', Key: '../../etc/passwd', VersionId: v1.VersionId }));
    expect(await old.Body?.transformToString()).toBe('root:x:0:0');
    const versions = await second.s3.send(new ListObjectVersionsCommand({ Bucket: 'keep' }));
    expect(versions.Versions).toHaveLength(2);
    const uploads = await second.s3.send(new ListMultipartUploadsCommand({ Bucket: 'keep' }));
    expect(uploads.Uploads?.map((u) => u.UploadId)).toEqual([UploadId]);
    expect(second.errors).toEqual([]);
    await second.stop({ keepData: true });
  });
});

describe('kill -9', () => {
  it('loses no acknowledged write', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 's3-emulator-kill-'));
    dirs.push(dataDir);
    const credentials = { accessKeyId: 'AKIAKILLTESTKILLTEST', secretAccessKey: 'kill-test-secret' };
    const { process: child, url } = await startChildEndpoint({ dataDir, credentials });
    const client = new S3Client({ endpoint: url, region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1 });
    await client.send(new CreateBucketCommand({ Bucket: 'durable' }));
    const acknowledged: string[] = [];
    const writes = Array.from({ length: 40 }, async (_, i) => {
      await client.send(new PutObjectCommand({ Bucket: 'durable', Key: `k${i}`, Body: Buffer.alloc(64 * 1024, i) }));
      acknowledged.push(`k${i}`);
    });
    // Kill while writes are in flight, once some have been acknowledged.
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    await Promise.allSettled(writes);
    client.destroy();
    await new Promise((resolve) => child.once('close', resolve));

    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    const restarted = await startTestEndpoint(dataDir);
    for (const key of acknowledged) {
      const got = await restarted.s3.send(new GetObjectCommand({ Bucket: 'durable', Key: key }));
      const bytes = Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
      expect(bytes.length).toBe(64 * 1024);
    }
    // Whatever else survived is complete: no partial object is visible.
    for (const entry of restarted.emulator.store.listing.currentObjects('durable', { prefix: '', delimiter: '', maxKeys: 1000 }).entries) {
      if (entry.kind === 'row') expect(entry.row.size).toBe(64 * 1024);
    }
    expect(readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
    await restarted.stop({ keepData: true });
  });
});
