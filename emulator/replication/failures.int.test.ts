import {
  DeleteBucketCommand,
  DeleteBucketReplicationCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type ReplicationRule,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3Failure } from '../test/harness';
import {
  adminCall,
  ALL_REPLICATION_ACTIONS,
  bucketArn,
  createBucket,
  createRole,
  replicationPolicy,
  replicationEndpointForSuite,
  replicationRule,
} from './replication.testkit';
import { signedFetch } from './signed-fetch.testkit';
import type { VersionReplicationReport } from './version-report';

const rule = (id: string, destination: string, overrides: Partial<ReplicationRule> = {}) =>
  replicationRule(id, destination, { DeleteMarkerReplication: { Status: 'Enabled' }, ...overrides });

const without = (action: string) => replicationPolicy(ALL_REPLICATION_ACTIONS.filter((a) => a !== action));

describe('replication failures', () => {
  const endpoint = replicationEndpointForSuite();
  let counter = 0;

  const status = async (bucket: string, key: string, versionId?: string) => {
    const query: Record<string, string> = { bucket, key };
    if (versionId) query.versionId = versionId;
    const answer = await adminCall<VersionReplicationReport>(endpoint, 'GET', 'status', { query });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** A fresh source (and destination unless given) with a role built from `policy`/`trust`. */
  async function scenario(options: { policy?: string; trust?: string; roleArn?: string; destination?: string } = {}) {
    counter += 1;
    const source = `fail-src-${counter}`;
    const destination = options.destination ?? `fail-dst-${counter}`;
    await createBucket(endpoint.s3, source, { versioning: 'Enabled' });
    if (!options.destination) await createBucket(endpoint.s3, destination, { versioning: 'Enabled' });
    const role = options.roleArn ?? (await createRole(endpoint, `role-${counter}`, { policy: options.policy, trust: options.trust }));
    await endpoint.s3.send(
      new PutBucketReplicationCommand({ Bucket: source, ReplicationConfiguration: { Role: role, Rules: [rule('r', destination)] } }),
    );
    return { source, destination };
  }

  async function expectFailed(source: string, key: string, versionId: string | undefined, reason: string) {
    await endpoint.emulator.drain();
    if (versionId) {
      const head = await endpoint.s3.send(new HeadObjectCommand({ Bucket: source, Key: key, VersionId: versionId }));
      expect(head.ReplicationStatus).toBe('FAILED');
    }
    const report = await status(source, key, versionId);
    expect(report.replicationStatus).toBe('FAILED');
    expect(report.failureReason).toBe(reason);
    expect(report.destinations.map((d) => [d.status, d.failureReason])).toEqual([['FAILED', reason]]);
  }

  it('AssumeRoleNotPermitted when the role does not exist', async () => {
    const { source } = await scenario({ roleArn: 'arn:aws:iam::000000000000:role/nobody' });
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await expectFailed(source, 'k', put.VersionId, 'AssumeRoleNotPermitted');
  });

  it('AssumeRoleNotPermitted when the role does not trust s3.amazonaws.com', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const { source } = await scenario({ trust });
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await expectFailed(source, 'k', put.VersionId, 'AssumeRoleNotPermitted');
  });

  it.each([
    ['s3:GetObjectVersionForReplication', 'SrcGetObjectNotPermitted'],
    ['s3:ReplicateObject', 'DstPutObjectNotPermitted'],
  ])('without %s → %s', async (action, reason) => {
    const { source } = await scenario({ policy: without(action) });
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await expectFailed(source, 'k', put.VersionId, reason);
  });

  it('with owner override (AccessControlTranslation) the role needs s3:ObjectOwnerOverrideToBucketOwner', async () => {
    counter += 1;
    const source = `fail-owner-${counter}`;
    await createBucket(endpoint.s3, source, { versioning: 'Enabled' });
    await createBucket(endpoint.s3, `${source}-dst`, { versioning: 'Enabled' });
    const role = await createRole(endpoint, `role-owner-${counter}`, { policy: without('s3:ObjectOwnerOverrideToBucketOwner') });
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: source,
        ReplicationConfiguration: {
          Role: role,
          Rules: [
            rule('r', `${source}-dst`, {
              Destination: { Bucket: bucketArn(`${source}-dst`), Account: '000000000000', AccessControlTranslation: { Owner: 'Destination' } },
            }),
          ],
        },
      }),
    );
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await expectFailed(source, 'k', put.VersionId, 'DstPutObjectNotPermitted');
  });

  it('without s3:ReplicateTags only tagged objects fail (DstPutTaggingNotPermitted)', async () => {
    const { source } = await scenario({ policy: without('s3:ReplicateTags') });
    const plain = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'plain', Body: 'x' }));
    const tagged = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'tagged', Body: 'x', Tagging: 'a=b' }));
    await expectFailed(source, 'tagged', tagged.VersionId, 'DstPutTaggingNotPermitted');
    expect((await status(source, 'plain', plain.VersionId)).replicationStatus).toBe('COMPLETED');
  });

  it('without s3:ReplicateDelete delete markers fail (DstDelObjNotPermitted)', async () => {
    const { source } = await scenario({ policy: without('s3:ReplicateDelete') });
    await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    const marker = await endpoint.s3.send(new DeleteObjectCommand({ Bucket: source, Key: 'k' }));
    await expectFailed(source, 'k', undefined, 'DstDelObjNotPermitted');
    expect((await status(source, 'k')).versionId).toBe(marker.VersionId);
  });

  it('DstBucketNotFound when the destination bucket was deleted', async () => {
    const { source, destination } = await scenario();
    await endpoint.s3.send(new DeleteBucketCommand({ Bucket: destination }));
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await expectFailed(source, 'k', put.VersionId, 'DstBucketNotFound');
  });

  it('DstBucketUnversioned when destination versioning was suspended', async () => {
    const { source, destination } = await scenario();
    await endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: destination, VersioningConfiguration: { Status: 'Suspended' } }));
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await expectFailed(source, 'k', put.VersionId, 'DstBucketUnversioned');
  });

  it('FAILED when one of two destinations fails, COMPLETED on the other', async () => {
    counter += 1;
    const source = `fail-multi-${counter}`;
    await createBucket(endpoint.s3, source, { versioning: 'Enabled' });
    await createBucket(endpoint.s3, `${source}-ok`, { versioning: 'Enabled' });
    await createBucket(endpoint.s3, `${source}-gone`, { versioning: 'Enabled' });
    const role = await createRole(endpoint, `role-multi-${counter}`);
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: source,
        ReplicationConfiguration: { Role: role, Rules: [rule('ok', `${source}-ok`), rule('gone', `${source}-gone`, { Priority: 2 })] },
      }),
    );
    await endpoint.s3.send(new DeleteBucketCommand({ Bucket: `${source}-gone` }));
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'k', Body: 'x' }));
    await endpoint.emulator.drain();
    const report = await status(source, 'k', put.VersionId);
    expect(report.replicationStatus).toBe('FAILED');
    expect(report.destinations.map((d) => [d.bucket, d.status, d.failureReason])).toEqual([
      [`${source}-ok`, 'COMPLETED', null],
      [`${source}-gone`, 'FAILED', 'DstBucketNotFound'],
    ]);
    const failures = await adminCall<{ failures: { key: string; destinations: { failureReason: string }[] }[] }>(endpoint, 'GET', 'failures', {
      query: { bucket: source },
    });
    expect(failures.body.failures).toEqual([
      expect.objectContaining({ key: 'k', versionId: put.VersionId, destinations: [expect.objectContaining({ bucket: `${source}-gone`, failureReason: 'DstBucketNotFound', ruleId: 'gone' })] }),
    ]);
  });

  it('explains why a version was not replicated', async () => {
    const { source } = await scenario();
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: source,
        ReplicationConfiguration: {
          Role: (await createRole(endpoint, `role-explain-${counter}`)),
          Rules: [rule('docs', `fail-dst-${counter}`, { Filter: { Prefix: 'docs/' } })],
        },
      }),
    );
    await endpoint.s3.send(new PutObjectCommand({ Bucket: source, Key: 'other.txt', Body: 'x' }));
    const report = await status(source, 'other.txt');
    expect(report.replicationStatus).toBeNull();
    expect(report.destinations).toEqual([]);
    expect(report.notReplicated).toEqual([
      expect.objectContaining({ destinationBucket: `fail-dst-${counter}`, ruleId: 'docs', reason: expect.objectContaining({ code: 'FILTER_MISMATCH' }) }),
    ]);
  });

  it('answers the admin API with JSON errors for missing parameters, buckets and versions', async () => {
    expect(await adminCall(endpoint, 'GET', 'status', { query: { bucket: 'nope', key: 'k' } })).toMatchObject({
      status: 404,
      body: { error: { code: 'NoSuchBucket' } },
    });
    expect(await adminCall(endpoint, 'GET', 'metrics')).toMatchObject({ status: 400, body: { error: { code: 'InvalidArgument' } } });
    expect(await adminCall(endpoint, 'GET', 'status', { query: { bucket: 'fail-src-1', key: 'missing' } })).toMatchObject({
      status: 404,
      body: { error: { code: 'NoSuchVersion' } },
    });
    expect(await adminCall(endpoint, 'POST', 'replicate', { body: { nope: true } })).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidArgument' } },
    });
    const notJson = await signedFetch(endpoint.emulator, {
      method: 'POST',
      path: '/_emulator/replication/replicate',
      body: '{"bucket":',
      contentType: 'application/json',
    });
    expect([notJson.status, ((await notJson.json()) as { error: { code: string } }).error.code]).toEqual([400, 'MalformedJSON']);
    const unsigned = await fetch(`${endpoint.emulator.url}/_emulator/replication/metrics?bucket=fail-src-1`);
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
  });
});

describe('replication with a simulated delay', () => {
  const endpoint = replicationEndpointForSuite({ replicationDelayMs: 400 });
  let role: string;

  beforeAll(async () => {
    role = await createRole(endpoint, 'delayed');
    await createBucket(endpoint.s3, 'slow-src', { versioning: 'Enabled' });
    await createBucket(endpoint.s3, 'slow-dst', { versioning: 'Enabled', region: 'ap-southeast-2' });
    await endpoint.s3.send(
      new PutBucketReplicationCommand({ Bucket: 'slow-src', ReplicationConfiguration: { Role: role, Rules: [rule('r', 'slow-dst')] } }),
    );
  });

  it('shows PENDING, then COMPLETED after drain(), and REPLICA with the same VersionId on the destination', async () => {
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'slow-src', Key: 'k', Body: 'hello' }));
    const pending = await endpoint.s3.send(new HeadObjectCommand({ Bucket: 'slow-src', Key: 'k' }));
    expect(pending.ReplicationStatus).toBe('PENDING');
    expect((await s3Failure(endpoint.s3.send(new HeadObjectCommand({ Bucket: 'slow-dst', Key: 'k' })))).status).toBe(404);
    await endpoint.emulator.drain();
    expect((await endpoint.s3.send(new HeadObjectCommand({ Bucket: 'slow-src', Key: 'k' }))).ReplicationStatus).toBe('COMPLETED');
    const replica = await endpoint.s3.send(new HeadObjectCommand({ Bucket: 'slow-dst', Key: 'k' }));
    expect(replica).toMatchObject({ ReplicationStatus: 'REPLICA', VersionId: put.VersionId });
  });

  it('fails queued work with SrcVersionNotFound when the source version is deleted first', async () => {
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'slow-src', Key: 'vanishing', Body: 'x' }));
    await endpoint.s3.send(new DeleteObjectCommand({ Bucket: 'slow-src', Key: 'vanishing', VersionId: put.VersionId }));
    await endpoint.emulator.drain();
    const failures = await adminCall<{ failures: { versionId: string; destinations: { failureReason: string }[] }[] }>(
      endpoint,
      'GET',
      'failures',
      { query: { bucket: 'slow-src', key: 'vanishing' } },
    );
    expect(failures.body.failures.map((f) => [f.versionId, f.destinations[0].failureReason])).toEqual([[put.VersionId, 'SrcVersionNotFound']]);
  });

  it('fails queued work with SrcBucketReplicationConfigMissing when the configuration is deleted first', async () => {
    const put = await endpoint.s3.send(new PutObjectCommand({ Bucket: 'slow-src', Key: 'orphan', Body: 'x' }));
    await endpoint.s3.send(new DeleteBucketReplicationCommand({ Bucket: 'slow-src' }));
    await endpoint.emulator.drain();
    const head = await endpoint.s3.send(new HeadObjectCommand({ Bucket: 'slow-src', Key: 'orphan', VersionId: put.VersionId }));
    expect(head.ReplicationStatus).toBe('FAILED');
    const failures = await adminCall<{ failures: { destinations: { failureReason: string }[] }[] }>(endpoint, 'GET', 'failures', {
      query: { bucket: 'slow-src', key: 'orphan' },
    });
    expect(failures.body.failures[0].destinations[0].failureReason).toBe('SrcBucketReplicationConfigMissing');
  });
});
