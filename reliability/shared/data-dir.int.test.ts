import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestEndpoint } from '@/emulator/test/harness';
import { checkDataDir } from './data-dir';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('checkDataDir', () => {
  it('reports integrity ok and no orphans for a cleanly stopped endpoint, then counts damage', async () => {
    const endpoint = await startTestEndpoint();
    dirs.push(endpoint.dataDir);
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: 'check' }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'check', Key: 'one', Body: '1' }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'check', Key: 'two', Body: Buffer.alloc(64 * 1024, 2) }));
    const blobOfTwo = endpoint.emulator.store.objects.find('check', 'two')?.blobId as string;
    const blobPath = endpoint.emulator.store.blobs.pathOf(blobOfTwo);
    await endpoint.stop({ keepData: true });
    // 'one' is small enough to be an inline blob in the database, 'two' is a file.
    expect(checkDataDir(endpoint.dataDir)).toEqual({ integrity: 'ok', orphans: 0, missingBlobs: 0, blobFiles: 1, inlineBlobs: 1 });

    const stray = path.join(endpoint.dataDir, 'blobs', 'ee', 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee');
    mkdirSync(path.dirname(stray), { recursive: true });
    writeFileSync(stray, 'orphan');
    writeFileSync(path.join(endpoint.dataDir, 'tmp', 'partial.tmp'), 'half');
    rmSync(blobPath);
    expect(checkDataDir(endpoint.dataDir)).toEqual({ integrity: 'ok', orphans: 2, missingBlobs: 1, blobFiles: 1, inlineBlobs: 1 });
  });
});
