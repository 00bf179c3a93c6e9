import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, PutRolePolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { PutBucketReplicationCommand } from '@aws-sdk/client-s3';
import { replicationPermissionPolicy, replicationTrustPolicy } from '@/lib/replication/policy';
import type { ReplicationRule } from '@/lib/replication/schema';
import type { EmulatorHandle } from '@/emulator/index';
import { createBucket } from '@/emulator/replication/replication.testkit';
import { adminRequest } from '../shared/admin-client';

/** A source → destination pair with its own role, built the way the console builds it. */
export interface ReplicationPair {
  source: string;
  destination: string;
  roleName: string;
  rules: ReplicationRule[];
}

export interface StatusReport {
  replicationStatus: string | null;
  failureReason: string | null;
  destinations: { bucket: string; status: string; failureReason: string | null; detail: string | null; attempts: number }[];
}

export function rolePermissions(pair: ReplicationPair): string {
  return JSON.stringify(replicationPermissionPolicy({ sourceBucket: pair.source, configuration: { Rules: pair.rules } }));
}

export async function createReplicationRole(iam: IAMClient, pair: ReplicationPair, permissions = rolePermissions(pair)): Promise<string> {
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: pair.roleName, AssumeRolePolicyDocument: JSON.stringify(replicationTrustPolicy()) }),
  );
  await iam.send(new PutRolePolicyCommand({ RoleName: pair.roleName, PolicyName: 'replication', PolicyDocument: permissions }));
  return role.Role?.Arn as string;
}

export async function createReplicationPair(s3: S3Client, iam: IAMClient, name: string): Promise<ReplicationPair> {
  const pair: ReplicationPair = {
    source: `${name}-src`,
    destination: `${name}-dst`,
    roleName: `${name}-role`,
    rules: [
      {
        ID: 'all',
        Priority: 1,
        Filter: { Prefix: '' },
        Status: 'Enabled',
        DeleteMarkerReplication: { Status: 'Enabled' },
        Destination: { Bucket: `arn:aws:s3:::${name}-dst` },
      },
    ],
  };
  await createBucket(s3, pair.source, { versioning: 'Enabled' });
  await createBucket(s3, pair.destination, { versioning: 'Enabled' });
  const role = await createReplicationRole(iam, pair);
  await s3.send(new PutBucketReplicationCommand({ Bucket: pair.source, ReplicationConfiguration: { Role: role, Rules: pair.rules } }));
  return pair;
}

export async function putObject(s3: S3Client, bucket: string, key: string, body: string): Promise<string> {
  return (await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))).VersionId as string;
}

export async function sourceStatus(s3: S3Client, bucket: string, key: string, versionId: string): Promise<string | undefined> {
  return (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }))).ReplicationStatus;
}

/** The per-version report the console's object page shows (admin status route). */
export async function statusReport(emulator: EmulatorHandle, bucket: string, key: string, versionId: string): Promise<StatusReport> {
  const answer = await adminRequest<StatusReport>(emulator, 'GET', 'replication/status', { query: { bucket, key, versionId } });
  if (answer.status !== 200) throw new Error(`status answered ${answer.status}`);
  return answer.body;
}

/** The console compare page's retry: POST /_emulator/replication/replicate. */
export async function retryReplication(emulator: EmulatorHandle, bucket: string, key: string, versionId: string): Promise<boolean> {
  const answer = await adminRequest<{ results: { queued: boolean }[] }>(emulator, 'POST', 'replication/replicate', {
    body: { bucket, key, versionId },
  });
  return answer.status === 200 && answer.body.results[0]?.queued === true;
}

/** The replica of `versionId` on the destination: its status and bytes. */
export async function replicaOf(s3: S3Client, bucket: string, key: string, versionId: string): Promise<{ status?: string; body: string }> {
  const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  return { status: answer.ReplicationStatus, body: (await answer.Body?.transformToString()) ?? '' };
}
