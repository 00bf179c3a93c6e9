import { HeadObjectCommand, ListObjectVersionsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBucket, createRole, startReplicationEndpoint, type ReplicationTestEndpoint } from '@/emulator/replication/replication.testkit';
import { putReplication, rule, s3For, testAdminJson } from '@/lib/compare/compare.int.testkit';
import type { CopyJob } from './copy-job';
import { CopyJobRegistry } from './registry';
import { startCopyJob } from './start';

const describeError = (error: unknown) => ({ code: error instanceof Error ? error.name : 'Error', message: String(error) });

async function finished(job: CopyJob) {
  for (let i = 0; i < 400 && job.isActive; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  return job.view();
}

async function put(s3: S3Client, bucket: string, key: string, body = key) {
  return (await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))).VersionId as string;
}

describe('copy jobs against the embedded endpoint', () => {
  let endpoint: ReplicationTestEndpoint;
  let role: string;

  beforeAll(async () => {
    endpoint = await startReplicationEndpoint();
    role = await createRole(endpoint, 'copy-role');
  });
  afterAll(async () => {
    await endpoint?.stop();
  });

  it('replicates the two objects that existed before the rule: same version ids, REPLICA', async () => {
    const s3 = endpoint.s3;
    await createBucket(s3, 'jtpbucket', { versioning: 'Enabled' });
    await createBucket(s3, 'jtp1bucket', { versioning: 'Enabled', region: 'ap-south-1' });
    const versions = { 'version.txt': await put(s3, 'jtpbucket', 'version.txt', 'v1'), 'download.jpg': await put(s3, 'jtpbucket', 'download.jpg', 'jpeg bytes') };
    await putReplication(s3, 'jtpbucket', role, [rule('S3CRR', 'jtp1bucket')]);

    const registry = new CopyJobRegistry();
    const deps = { s3: s3For(endpoint.emulator), admin: testAdminJson(endpoint.emulator), describeError };
    const job = await startCopyJob(registry, deps, { source: 'jtpbucket', ruleId: 'S3CRR', kind: 'existing' });
    expect(registry.ofRule('jtpbucket', 'S3CRR')).toEqual([job]);
    const view = await finished(job);
    expect(view).toMatchObject({
      state: 'completed',
      method: 'replicate',
      total: { objects: 2, bytes: 12 },
      done: { objects: 2, bytes: 12 },
      copied: 2,
      skipped: 0,
      failed: 0,
    });

    const destination = s3For(endpoint.emulator)('ap-south-1');
    for (const [key, versionId] of Object.entries(versions)) {
      const head = await destination.send(new HeadObjectCommand({ Bucket: 'jtp1bucket', Key: key }));
      expect(head.VersionId).toBe(versionId);
      expect(head.ReplicationStatus).toBe('REPLICA');
      const source = await s3.send(new HeadObjectCommand({ Bucket: 'jtpbucket', Key: key }));
      expect(source.ReplicationStatus).toBe('COMPLETED');
    }

    // Nothing is left to copy: a second job finds nothing and copies nothing.
    const again = await finished(await startCopyJob(registry, deps, { source: 'jtpbucket', ruleId: 'S3CRR', kind: 'existing' }));
    expect(again).toMatchObject({ state: 'completed', total: { objects: 0 }, copied: 0 });
  });

  it('copies with CopyObject when there is no admin API, and reports what it skips', async () => {
    const s3 = endpoint.s3;
    await createBucket(s3, 'plain-src', { versioning: 'Enabled' });
    await createBucket(s3, 'plain-dst', { versioning: 'Enabled' });
    await put(s3, 'plain-src', 'a.txt');
    await put(s3, 'plain-src', 'b/c.txt');
    await put(s3, 'plain-dst', 'a.txt', 'something else');
    await putReplication(s3, 'plain-src', role, [rule('r', 'plain-dst')]);
    const job = await startCopyJob(new CopyJobRegistry(), { s3: s3For(endpoint.emulator), describeError, concurrency: 2 }, {
      source: 'plain-src',
      ruleId: 'r',
      kind: 'existing',
    });
    const view = await finished(job);
    expect(view).toMatchObject({ state: 'completed', method: 'copy-object', copied: 1, skipped: 1, failed: 0 });
    expect(Object.keys(view.skippedReasons)).toEqual(['DESTINATION_DIFFERS']);
    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: 'plain-dst', Prefix: 'b/' }));
    expect(listed.Versions?.map((v) => v.Key)).toEqual(['b/c.txt']);
  });

  it('refuses a second job for the same rule while one runs, and unknown rules', async () => {
    const registry = new CopyJobRegistry();
    const deps = { s3: s3For(endpoint.emulator), admin: testAdminJson(endpoint.emulator), describeError };
    const first = await startCopyJob(registry, deps, { source: 'jtpbucket', ruleId: 'S3CRR', kind: 'existing' });
    await expect(startCopyJob(registry, deps, { source: 'jtpbucket', ruleId: 'S3CRR', kind: 'existing' })).rejects.toMatchObject({ name: 'CopyJobRunning' });
    await finished(first);
    await expect(startCopyJob(registry, deps, { source: 'jtpbucket', ruleId: 'nope', kind: 'existing' })).rejects.toMatchObject({ name: 'NoSuchRule' });
  });

  it('cancels: no new copies start after cancel', async () => {
    const s3 = endpoint.s3;
    await createBucket(s3, 'many-src', { versioning: 'Enabled' });
    await createBucket(s3, 'many-dst', { versioning: 'Enabled' });
    for (let i = 0; i < 40; i += 1) await put(s3, 'many-src', `k${String(i).padStart(2, '0')}`);
    await putReplication(s3, 'many-src', role, [rule('r', 'many-dst')]);
    const job = await startCopyJob(new CopyJobRegistry(), { s3: s3For(endpoint.emulator), admin: testAdminJson(endpoint.emulator), describeError, concurrency: 1 }, {
      source: 'many-src',
      ruleId: 'r',
      kind: 'existing',
    });
    while (job.view().done.objects < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    job.cancel();
    const view = await finished(job);
    expect(view.state).toBe('cancelled');
    expect(view.total.objects).toBe(40);
    expect(view.done.objects).toBeLessThan(40);
  });
});
