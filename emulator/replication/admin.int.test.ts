import {
  DeleteBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleMetrics } from './metrics';
import { adminCall, createBucket, createRole, replicationEndpointForSuite, replicationRule } from './replication.testkit';
import type { VersionReplicationReport } from './version-report';

const rule = replicationRule;

interface ReplicateAnswer {
  results: { key: string; queued: boolean; versionId?: string; destinations?: string[]; reason?: { code: string }; error?: { code: string } }[];
}

describe('admin: replicate existing versions (Batch Replication)', () => {
  const endpoint = replicationEndpointForSuite();
  let role: string;
  const status = async (bucket: string, key: string, versionId?: string) =>
    (await adminCall<VersionReplicationReport>(endpoint, 'GET', 'status', { query: versionId ? { bucket, key, versionId } : { bucket, key } })).body;

  beforeAll(async () => {
    role = await createRole(endpoint, 'batch-role');
    for (const name of ['batch-src', 'batch-dst', 'retry-src', 'retry-dst']) await createBucket(endpoint.s3, name, { versioning: 'Enabled' });
  });

  it('replicates versions that existed before the rule, keeping the newer version current on the destination', async () => {
    const old = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'batch-src', Key: 'doc', Body: 'old' }));
    const skipped = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'batch-src', Key: 'logs/x', Body: 'x' }));
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'batch-src',
        ReplicationConfiguration: { Role: role, Rules: [rule('docs', 'batch-dst', { Filter: { Prefix: 'doc' } })] },
      }),
    );
    expect((await status('batch-src', 'doc', old.VersionId)).notReplicated).toEqual([
      expect.objectContaining({ destinationBucket: 'batch-dst', reason: expect.objectContaining({ code: 'EXISTED_BEFORE_RULE' }) }),
    ]);
    const current = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'batch-src', Key: 'doc', Body: 'new' }));
    await endpoint.emulator.drain();

    const answer = await adminCall<ReplicateAnswer>(endpoint, 'POST', 'replicate', {
      body: {
        items: [
          { bucket: 'batch-src', key: 'doc', versionId: old.VersionId },
          { bucket: 'batch-src', key: 'logs/x', versionId: skipped.VersionId },
          { bucket: 'batch-src', key: 'missing' },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      expect.objectContaining({ key: 'doc', queued: true, versionId: old.VersionId, destinations: ['batch-dst'] }),
      expect.objectContaining({ key: 'logs/x', queued: false, reason: expect.objectContaining({ code: 'FILTER_MISMATCH' }) }),
      expect.objectContaining({ key: 'missing', queued: false, error: expect.objectContaining({ code: 'NoSuchKey' }) }),
    ]);
    await endpoint.emulator.drain();

    const report = await status('batch-src', 'doc', old.VersionId);
    expect(report.replicationStatus).toBe('COMPLETED');
    expect(report.destinations).toEqual([expect.objectContaining({ bucket: 'batch-dst', status: 'COMPLETED', fromBatch: true })]);
    const replica = await endpoint.s3.send(new HeadObjectCommand({ Bucket: 'batch-dst', Key: 'doc', VersionId: old.VersionId }));
    expect(replica.ReplicationStatus).toBe('REPLICA');
    const latest = await endpoint.s3.send(new GetObjectCommand({ Bucket: 'batch-dst', Key: 'doc' }));
    expect([latest.VersionId, await latest.Body?.transformToString()]).toEqual([current.VersionId, 'new']);
    const listed = await endpoint.s3.send(new ListObjectVersionsCommand({ Bucket: 'batch-dst', Prefix: 'doc' }));
    expect(listed.Versions?.find((v) => v.IsLatest)?.VersionId).toBe(current.VersionId);
  });

  it('retries a FAILED version once the problem is fixed', async () => {
    await endpoint.s3.send(
      new PutBucketReplicationCommand({ Bucket: 'retry-src', ReplicationConfiguration: { Role: role, Rules: [rule('r', 'retry-dst')] } }),
    );
    await endpoint.s3.send(new DeleteBucketCommand({ Bucket: 'retry-dst' }));
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'retry-src', Key: 'k', Body: 'x' }));
    await endpoint.emulator.drain();
    expect((await status('retry-src', 'k')).failureReason).toBe('DstBucketNotFound');

    await createBucket(endpoint.s3, 'retry-dst', { versioning: 'Enabled' });
    const answer = await adminCall<ReplicateAnswer>(endpoint, 'POST', 'replicate', { body: { bucket: 'retry-src', key: 'k', versionId: put.VersionId } });
    expect(answer.body.results[0].queued).toBe(true);
    await endpoint.emulator.drain();
    const report = await status('retry-src', 'k');
    expect([report.replicationStatus, report.failureReason, report.destinations[0].status]).toEqual(['COMPLETED', null, 'COMPLETED']);
    expect((await endpoint.s3.send(new HeadObjectCommand({ Bucket: 'retry-dst', Key: 'k' }))).VersionId).toBe(put.VersionId);
  });

  it('counts a changed rule from the change: older versions then existed before the rule', async () => {
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'batch-src',
        ReplicationConfiguration: { Role: role, Rules: [rule('docs', 'batch-dst', { Filter: { Prefix: 'doc' } })] },
      }),
    );
    const earlier = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'batch-src', Key: 'logs/earlier', Body: 'x' }));
    expect((await status('batch-src', 'logs/earlier', earlier.VersionId)).notReplicated[0].reason.code).toBe('FILTER_MISMATCH');
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'batch-src',
        ReplicationConfiguration: { Role: role, Rules: [rule('docs', 'batch-dst', { Filter: { Prefix: 'logs/' } })] },
      }),
    );
    expect((await status('batch-src', 'logs/earlier', earlier.VersionId)).notReplicated[0].reason.code).toBe('EXISTED_BEFORE_RULE');
    const later = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'batch-src', Key: 'logs/later', Body: 'x' }));
    await endpoint.emulator.drain();
    expect((await status('batch-src', 'logs/later', later.VersionId)).replicationStatus).toBe('COMPLETED');
  });

  it('refuses buckets without a configuration and malformed version ids', async () => {
    const answer = await adminCall<ReplicateAnswer>(endpoint, 'POST', 'replicate', {
      body: { items: [{ bucket: 'batch-dst', key: 'doc' }, { bucket: 'batch-src', key: 'doc', versionId: 'not-a-version' }] },
    });
    expect(answer.body.results.map((r) => r.error?.code)).toEqual(['ReplicationConfigurationNotFoundError', 'InvalidArgument']);
  });
});

describe('admin: replication metrics', () => {
  const endpoint = replicationEndpointForSuite({ replicationDelayMs: 1200 });

  beforeAll(async () => {
    const role = await createRole(endpoint, 'metrics-role');
    for (const name of ['metrics-src', 'metrics-dst', 'metrics-gone']) await createBucket(endpoint.s3, name, { versioning: 'Enabled' });
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'metrics-src',
        ReplicationConfiguration: {
          Role: role,
          Rules: [
            rule('to-dst', 'metrics-dst', { Filter: { Prefix: 'a/' } }),
            rule('to-gone', 'metrics-gone', { Priority: 2, Filter: { Prefix: 'b/' } }),
            rule('idle', 'metrics-dst', { Priority: 3, Filter: { Prefix: 'c/' }, Status: 'Disabled' }),
          ],
        },
      }),
    );
    await endpoint.s3.send(new DeleteBucketCommand({ Bucket: 'metrics-gone' }));
  });

  const metrics = async () => {
    const answer = await adminCall<{ rules: RuleMetrics[]; windowSeconds: number; intervalSeconds: number }>(endpoint, 'GET', 'metrics', {
      query: { bucket: 'metrics-src' },
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('reports operations and bytes pending per rule, then latency and failures once replicated', async () => {
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'metrics-src', Key: 'a/1', Body: 'x'.repeat(10) }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'metrics-src', Key: 'a/2', Body: 'x'.repeat(30) }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'metrics-src', Key: 'b/1', Body: 'x'.repeat(5) }));

    const pending = await metrics();
    expect(pending).toMatchObject({ windowSeconds: 600, intervalSeconds: 10 });
    expect(pending.rules.map((r) => [r.ruleId, r.destinationBucket, r.operationsPending, r.bytesPending])).toEqual([
      ['to-dst', 'metrics-dst', 2, 40],
      ['to-gone', 'metrics-gone', 1, 5],
      ['idle', 'metrics-dst', 0, 0],
    ]);
    const series = pending.rules[0].series;
    expect(series).toHaveLength(60);
    expect(series[59]).toMatchObject({ operationsPending: 2, bytesPending: 40 });
    expect(series[0]).toMatchObject({ operationsPending: 0, bytesPending: 0 });

    await endpoint.emulator.drain();
    const done = await metrics();
    const [toDst, toGone] = done.rules;
    expect([toDst.operationsPending, toDst.bytesPending, toDst.operationsFailed]).toEqual([0, 0, 0]);
    expect(toDst.latency.samples).toBe(2);
    expect(toDst.latency.p50Ms).toBeGreaterThanOrEqual(1200);
    expect(toDst.latency.p50Ms as number).toBeLessThanOrEqual(toDst.latency.p99Ms as number);
    expect(toDst.latency.maxMs).toBe(toDst.latency.p99Ms);
    expect(toGone).toMatchObject({ operationsPending: 0, operationsFailed: 1, latency: { samples: 0, maxMs: null } });
    expect(toGone.series.reduce((sum, point) => sum + point.operationsFailed, 0)).toBe(1);
    expect(toDst.series.some((point) => (point.maxLatencyMs ?? 0) >= 1200)).toBe(true);
  });
});
