import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_REPLICATION_ACTIONS,
  createBucket,
  createRole,
  replicationPolicy,
  startReplicationEndpoint,
  type ReplicationTestEndpoint,
} from '@/emulator/replication/replication.testkit';
import { allRows, classesByKey, putReplication, rule, s3For, testAdminJson } from './compare.int.testkit';
import { embeddedStatusSource } from './s3/embedded-status';
import { resolveCompare, type CompareRequest } from './s3/resolve';
import { runComparison } from './s3/run';

async function put(s3: S3Client, bucket: string, key: string, body = key, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) {
  const answer = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }));
  return answer.VersionId as string;
}

async function compare(endpoint: ReplicationTestEndpoint, request: CompareRequest) {
  const s3 = s3For(endpoint.emulator);
  const resolved = await resolveCompare(s3, request);
  const admin = testAdminJson(endpoint.emulator);
  return { resolved, rows: await allRows(runComparison({ s3, statusSource: embeddedStatusSource(admin, resolved.destinationBucket) }, resolved, undefined, 2)) };
}

describe('compare against the embedded endpoint: every class and reason', () => {
  let endpoint: ReplicationTestEndpoint;
  let s3: S3Client;
  let dstS3: S3Client;

  beforeAll(async () => {
    endpoint = await startReplicationEndpoint();
    s3 = endpoint.s3;
    dstS3 = s3For(endpoint.emulator)('eu-west-1');
    await createBucket(s3, 'src', { versioning: 'Enabled' });
    await createBucket(s3, 'dst', { versioning: 'Enabled', region: 'eu-west-1' });
    await createBucket(s3, 'upstream', { versioning: 'Enabled' });
    const role = await createRole(endpoint, 'compare-role');
    await put(s3, 'src', 'data/old.txt');
    await putReplication(s3, 'src', role, [
      rule('main', 'dst', { Priority: 3, Filter: { Prefix: 'data/' } }),
      rule('paused', 'dst', { Priority: 2, Filter: { Prefix: 'paused/' }, Status: 'Disabled' }),
      rule('tagged', 'dst', { Priority: 1, Filter: { Tag: { Key: 'env', Value: 'prod' } } }),
    ]);
    await putReplication(s3, 'upstream', role, [rule('to-src', 'src', { Filter: { Prefix: 'data/' } })]);

    await put(s3, 'src', 'data/new.txt');
    await put(s3, 'src', 'data/kms.txt', 'k', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/abc' });
    await put(s3, 'src', 'data/cold.txt', 'c', { StorageClass: 'GLACIER' });
    await put(s3, 'src', 'paused/p.txt');
    await put(s3, 'src', 'other/o.txt');
    await put(s3, 'src', 'other/prod.txt', 'p', { Tagging: 'env=prod' });
    await put(s3, 'src', 'data/changed.txt');
    await put(s3, 'src', 'data/gone.txt');
    await put(s3, 'src', 'data/deleted.txt');
    await put(s3, 'upstream', 'data/from-up.txt');
    await endpoint.emulator.drain();
    // Changes made at the destination only.
    await put(dstS3, 'dst', 'data/changed.txt', 'other content');
    const gone = await dstS3.send(new HeadObjectCommand({ Bucket: 'dst', Key: 'data/gone.txt' }));
    await dstS3.send(new DeleteObjectCommand({ Bucket: 'dst', Key: 'data/gone.txt', VersionId: gone.VersionId }));
    await put(dstS3, 'dst', 'only-here.txt');
    await s3.send(new DeleteObjectCommand({ Bucket: 'src', Key: 'data/deleted.txt' }));
    await endpoint.emulator.drain();
  });

  afterAll(async () => {
    await endpoint?.stop();
  });

  it('classifies two whole buckets (current objects)', async () => {
    const { rows } = await compare(endpoint, { source: 'src', destination: 'dst', mode: 'current' });
    expect(classesByKey(rows)).toEqual({
      'data/changed.txt': 'differs',
      'data/cold.txt': 'not-replicated:GLACIER_STORAGE_CLASS',
      'data/deleted.txt': 'only-in-destination',
      'data/from-up.txt': 'not-replicated:IS_REPLICA',
      'data/gone.txt': 'not-replicated:MISSING_AT_DESTINATION',
      'data/kms.txt': 'not-replicated:KMS_NOT_OPTED_IN',
      'data/new.txt': 'replicated',
      'data/old.txt': 'not-replicated:EXISTED_BEFORE_RULE',
      'only-here.txt': 'only-in-destination',
      'other/o.txt': 'not-replicated:FILTER_MISMATCH',
      'other/prod.txt': 'replicated',
      'paused/p.txt': 'not-replicated:RULE_DISABLED',
    });
    expect(rows.find((row) => row.key === 'data/old.txt')?.ruleId).toBe('main');
    expect(rows.find((row) => row.key === 'data/old.txt')?.reason?.message).toMatch(/created before rule "main"/);
  });

  it("limits a rule's comparison to its prefix", async () => {
    const { resolved, rows } = await compare(endpoint, { source: 'src', ruleId: 'main', mode: 'current' });
    expect(resolved).toMatchObject({ destinationBucket: 'dst', destinationRegion: 'eu-west-1', prefix: 'data/', rule: { id: 'main', scope: 'Prefix: data/' } });
    expect(rows.every((row) => row.key.startsWith('data/'))).toBe(true);
    expect(rows.length).toBe(8);
  });

  it('versions mode: same version ids replicate, the delete marker is not replicated', async () => {
    const { rows } = await compare(endpoint, { source: 'src', ruleId: 'main', mode: 'versions' });
    const deleted = rows.filter((row) => row.key === 'data/deleted.txt').map((row) => `${row.class}:${row.reason?.code ?? ''}:${row.source?.isDeleteMarker ?? false}`);
    expect(deleted).toEqual(['not-replicated:DELETE_MARKER_NOT_REPLICATED:true', 'replicated::false']);
    const changed = rows.filter((row) => row.key === 'data/changed.txt').map((row) => row.class);
    expect(changed).toEqual(['replicated', 'only-in-destination']);
  });

  it('refuses unknown rules and buckets with clear errors', async () => {
    const s3Clients = s3For(endpoint.emulator);
    await expect(resolveCompare(s3Clients, { source: 'src', ruleId: 'nope', mode: 'current' })).rejects.toMatchObject({ name: 'NoSuchRule' });
    await expect(resolveCompare(s3Clients, { source: 'missing-bucket', destination: 'dst', mode: 'current' })).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(resolveCompare(s3Clients, { source: 'src', mode: 'current' })).rejects.toMatchObject({ name: 'InvalidArgument' });
    // The destination is looked up alongside the source; the source's error still comes first.
    await expect(resolveCompare(s3Clients, { source: 'src', destination: 'missing-dst', mode: 'current' })).rejects.toMatchObject({
      name: 'NoSuchBucket',
      message: 'Bucket missing-dst does not exist.',
    });
    await expect(resolveCompare(s3Clients, { source: 'missing-src', destination: 'missing-dst', mode: 'current' })).rejects.toMatchObject({
      message: 'Bucket missing-src does not exist.',
    });
  });

  it('FAILED versions carry the endpoint’s failure reason', async () => {
    await createBucket(s3, 'failsrc', { versioning: 'Enabled' });
    await createBucket(s3, 'faildst', { versioning: 'Enabled' });
    const role = await createRole(endpoint, 'failing-role', { policy: replicationPolicy(ALL_REPLICATION_ACTIONS.filter((a) => a !== 's3:ReplicateObject')) });
    await putReplication(s3, 'failsrc', role, [rule('r', 'faildst')]);
    await put(s3, 'failsrc', 'f.txt');
    await endpoint.emulator.drain();
    const { rows } = await compare(endpoint, { source: 'failsrc', ruleId: 'r', mode: 'current' });
    expect(rows.map((row) => [row.key, row.class, row.reason?.code])).toEqual([['f.txt', 'failed', 'DstPutObjectNotPermitted']]);
  });
});

describe('compare while replication is pending', () => {
  let endpoint: ReplicationTestEndpoint;

  beforeAll(async () => {
    endpoint = await startReplicationEndpoint({ replicationDelayMs: 10 * 60 * 1000 });
  });
  afterAll(async () => {
    await endpoint?.stop();
  });

  it('shows a new version as pending', async () => {
    await createBucket(endpoint.s3, 'slow-src', { versioning: 'Enabled' });
    await createBucket(endpoint.s3, 'slow-dst', { versioning: 'Enabled' });
    await putReplication(endpoint.s3, 'slow-src', await createRole(endpoint, 'slow-role'), [rule('r', 'slow-dst')]);
    await put(endpoint.s3, 'slow-src', 'p.txt');
    const { rows } = await compare(endpoint, { source: 'slow-src', ruleId: 'r', mode: 'current' });
    expect(rows.map((row) => [row.key, row.class, row.replicationStatus])).toEqual([['p.txt', 'pending', 'PENDING']]);
  });
});
