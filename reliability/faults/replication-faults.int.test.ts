import {
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { DeleteRoleCommand, DeleteRolePolicyCommand, PutRolePolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBucket, startReplicationEndpoint, type ReplicationTestEndpoint } from '@/emulator/replication/replication.testkit';
import { listAllVersions } from '../shared/list-versions';
import {
  createReplicationPair,
  createReplicationRole,
  putObject,
  replicaOf,
  retryReplication,
  rolePermissions,
  sourceStatus,
  statusReport,
  type ReplicationPair,
} from './fault-scenario';

interface Fault {
  name: string;
  reason: string;
  inject(s3: S3Client, iam: IAMClient, pair: ReplicationPair): Promise<void>;
  repair(s3: S3Client, iam: IAMClient, pair: ReplicationPair): Promise<void>;
}

async function emptyAndDeleteBucket(s3: S3Client, bucket: string): Promise<void> {
  for (const version of await listAllVersions(s3, bucket)) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: version.key, VersionId: version.versionId }));
  }
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
}

const FAULTS: Fault[] = [
  {
    name: 'destination bucket deleted',
    reason: 'DstBucketNotFound',
    inject: (s3, _iam, pair) => emptyAndDeleteBucket(s3, pair.destination),
    repair: (s3, _iam, pair) => createBucket(s3, pair.destination, { versioning: 'Enabled' }),
  },
  {
    name: 'destination versioning suspended',
    reason: 'DstBucketUnversioned',
    inject: async (s3, _iam, pair) => {
      await s3.send(new PutBucketVersioningCommand({ Bucket: pair.destination, VersioningConfiguration: { Status: 'Suspended' } }));
    },
    repair: async (s3, _iam, pair) => {
      await s3.send(new PutBucketVersioningCommand({ Bucket: pair.destination, VersioningConfiguration: { Status: 'Enabled' } }));
    },
  },
  {
    name: 'replication role deleted',
    reason: 'AssumeRoleNotPermitted',
    inject: async (_s3, iam, pair) => {
      await iam.send(new DeleteRolePolicyCommand({ RoleName: pair.roleName, PolicyName: 'replication' }));
      await iam.send(new DeleteRoleCommand({ RoleName: pair.roleName }));
    },
    repair: async (_s3, iam, pair) => {
      await createReplicationRole(iam, pair);
    },
  },
  {
    name: 's3:ReplicateObject removed from the role',
    reason: 'DstPutObjectNotPermitted',
    inject: async (_s3, iam, pair) => {
      const weakened = rolePermissions(pair).replace('"s3:ReplicateObject",', '');
      expect(weakened).not.toContain('s3:ReplicateObject');
      await iam.send(new PutRolePolicyCommand({ RoleName: pair.roleName, PolicyName: 'replication', PolicyDocument: weakened }));
    },
    repair: async (_s3, iam, pair) => {
      await iam.send(new PutRolePolicyCommand({ RoleName: pair.roleName, PolicyName: 'replication', PolicyDocument: rolePermissions(pair) }));
    },
  },
];

describe('replication faults: FAILED with a reason, the endpoint keeps serving, repair and retry', () => {
  let endpoint: ReplicationTestEndpoint;
  beforeAll(async () => {
    endpoint = await startReplicationEndpoint();
  });
  afterAll(async () => {
    expect(endpoint.errors).toEqual([]);
    await endpoint.stop();
  });

  it.each(FAULTS.map((fault, index) => [fault.name, fault, index] as const))('%s', async (_name, fault, index) => {
    const { s3, iam, emulator } = endpoint;
    const pair = await createReplicationPair(s3, iam, `fault-${index}`);
    const before = await putObject(s3, pair.source, 'before', 'replicated while healthy');
    await emulator.drain();
    expect(await sourceStatus(s3, pair.source, 'before', before)).toBe('COMPLETED');

    await fault.inject(s3, iam, pair);
    const during = await putObject(s3, pair.source, 'during', 'written during the fault');
    await emulator.drain();
    expect(await sourceStatus(s3, pair.source, 'during', during)).toBe('FAILED');
    const report = await statusReport(emulator, pair.source, 'during', during);
    expect(report).toMatchObject({ replicationStatus: 'FAILED', failureReason: fault.reason });
    expect(report.destinations).toEqual([expect.objectContaining({ bucket: pair.destination, status: 'FAILED', failureReason: fault.reason })]);
    expect(report.destinations[0].detail).toEqual(expect.any(String));

    // Still serving: reads of the source, listings, the health check.
    const read = await s3.send(new GetObjectCommand({ Bucket: pair.source, Key: 'before' }));
    expect(await read.Body?.transformToString()).toBe('replicated while healthy');
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.some((b) => b.Name === pair.source)).toBe(true);
    expect((await fetch(`${emulator.url}/_emulator/health`)).status).toBe(200);

    await fault.repair(s3, iam, pair);
    const after = await putObject(s3, pair.source, 'after', 'written after the repair');
    await emulator.drain();
    expect(await sourceStatus(s3, pair.source, 'after', after)).toBe('COMPLETED');
    expect(await replicaOf(s3, pair.destination, 'after', after)).toEqual({ status: 'REPLICA', body: 'written after the repair' });

    // The console's retry of the FAILED version, now that its cause is gone.
    expect(await retryReplication(emulator, pair.source, 'during', during)).toBe(true);
    await emulator.drain();
    expect(await sourceStatus(s3, pair.source, 'during', during)).toBe('COMPLETED');
    expect(await statusReport(emulator, pair.source, 'during', during)).toMatchObject({ replicationStatus: 'COMPLETED', failureReason: null });
    expect(await replicaOf(s3, pair.destination, 'during', during)).toEqual({ status: 'REPLICA', body: 'written during the fault' });
  });

  it('a retry while the cause is still there fails again with the same reason', async () => {
    const { s3, iam, emulator } = endpoint;
    const pair = await createReplicationPair(s3, iam, 'fault-persisting');
    await FAULTS[0].inject(s3, iam, pair);
    const version = await putObject(s3, pair.source, 'k', 'x');
    await emulator.drain();
    expect(await retryReplication(emulator, pair.source, 'k', version)).toBe(true);
    await emulator.drain();
    const report = await statusReport(emulator, pair.source, 'k', version);
    expect(report).toMatchObject({ replicationStatus: 'FAILED', failureReason: 'DstBucketNotFound' });
  });
});
