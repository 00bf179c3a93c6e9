import { HeadObjectCommand, ListObjectVersionsCommand, PutBucketReplicationCommand, PutObjectCommand, S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { IAMClient } from '@aws-sdk/client-iam';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killHard, startChildEndpoint } from '../testing/child-endpoint.testkit';
import { bucketArn, createBucket, createRole, startReplicationEndpoint } from './replication.testkit';

const CREDENTIALS = { accessKeyId: 'AKIACRASHTEST0000001', secretAccessKey: 'crash-test-secret-key-0000000000000000000' };

describe('durable replication queue across a crash', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) await killHard(child);
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function crashScenario(delayMs: number, objects: number, bodySize: number) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'replication-crash-'));
    dirs.push(dataDir);
    const child = await startChildEndpoint({ dataDir, credentials: CREDENTIALS, replicationDelayMs: delayMs });
    children.push(child.process);
    const s3 = new S3Client({ endpoint: child.url, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    const iam = new IAMClient({ endpoint: child.url, region: 'us-east-1', credentials: CREDENTIALS });
    await createBucket(s3, 'crash-src', { versioning: 'Enabled' });
    await createBucket(s3, 'crash-dst', { versioning: 'Enabled' });
    const role = await createRole({ iam }, 'crash-role');
    await s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'crash-src',
        ReplicationConfiguration: {
          Role: role,
          Rules: [{ ID: 'all', Priority: 1, Filter: {}, Status: 'Enabled', DeleteMarkerReplication: { Status: 'Enabled' }, Destination: { Bucket: bucketArn('crash-dst') } }],
        },
      }),
    );
    const versions = await Promise.all(
      Array.from({ length: objects }, (_, i) =>
        s3.send(new PutObjectCommand({ Bucket: 'crash-src', Key: `k${i % 5}`, Body: Buffer.alloc(bodySize, i) })),
      ),
    );
    const marker = await s3.send(new DeleteObjectCommand({ Bucket: 'crash-src', Key: 'k0' }));
    await killHard(child.process);
    s3.destroy();
    iam.destroy();

    const restarted = await startReplicationEndpoint({ dataDir, replicationDelayMs: 0 });
    try {
      await restarted.emulator.drain();
      const sourceIds = [...versions.map((v) => v.VersionId), marker.VersionId].sort();
      const listed = await restarted.s3.send(new ListObjectVersionsCommand({ Bucket: 'crash-dst' }));
      const replicaIds = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].map((v) => v.VersionId).sort();
      expect(replicaIds).toEqual(sourceIds);
      for (const version of versions) {
        const key = (await restarted.s3.send(new ListObjectVersionsCommand({ Bucket: 'crash-src', Prefix: 'k' }))).Versions?.find(
          (v) => v.VersionId === version.VersionId,
        )?.Key as string;
        const head = await restarted.s3.send(new HeadObjectCommand({ Bucket: 'crash-src', Key: key, VersionId: version.VersionId }));
        expect(head.ReplicationStatus).toBe('COMPLETED');
        const replica = await restarted.s3.send(new HeadObjectCommand({ Bucket: 'crash-dst', Key: key, VersionId: version.VersionId }));
        expect(replica.ReplicationStatus).toBe('REPLICA');
        expect(replica.ContentLength).toBe(bodySize);
      }
      expect(restarted.errors).toEqual([]);
    } finally {
      await restarted.stop({ keepData: true });
    }
  }

  it('replicates every version queued before kill -9 exactly once after restart (large delay: all queued)', async () => {
    await crashScenario(60_000, 12, 1024);
  });

  it('replicates exactly once when killed while copies are in flight (no delay)', async () => {
    await crashScenario(0, 40, 256 * 1024);
  });
});
