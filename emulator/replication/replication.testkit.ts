import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../index';
import { recordingLogger, s3ClientFor } from '../test/harness';
import { signedFetch } from './signed-fetch.testkit';

/** Shared set-up of the replication integration tests: an endpoint with a chosen replication delay. */
export interface ReplicationTestEndpoint {
  emulator: EmulatorHandle;
  s3: S3Client;
  iam: IAMClient;
  dataDir: string;
  errors: string[];
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startReplicationEndpoint(
  options: { dataDir?: string; replicationDelayMs?: number } = {},
): Promise<ReplicationTestEndpoint> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 's3-replication-'));
  const errors: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    logger: recordingLogger(errors),
    replicationDelayMs: options.replicationDelayMs ?? 0,
  });
  const s3 = s3ClientFor(emulator);
  const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.credentials });
  return {
    emulator,
    s3,
    iam,
    dataDir,
    errors,
    async stop(stopOptions = {}) {
      s3.destroy();
      iam.destroy();
      await emulator.close();
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createBucket(
  s3: S3Client,
  name: string,
  options: { versioning?: 'Enabled' | 'Suspended'; region?: string } = {},
): Promise<void> {
  const region = options.region ?? 'us-east-1';
  await s3.send(
    new CreateBucketCommand({
      Bucket: name,
      CreateBucketConfiguration: region === 'us-east-1' ? undefined : { LocationConstraint: region as 'eu-west-1' },
    }),
  );
  if (options.versioning) {
    await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: options.versioning } }));
  }
}

export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

export const TRUST_S3 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export const ALL_REPLICATION_ACTIONS = [
  's3:GetReplicationConfiguration',
  's3:ListBucket',
  's3:GetObjectVersionForReplication',
  's3:GetObjectVersionAcl',
  's3:GetObjectVersionTagging',
  's3:ReplicateObject',
  's3:ReplicateDelete',
  's3:ReplicateTags',
  's3:ObjectOwnerOverrideToBucketOwner',
] as const;

/** The console-style permission policy: the given actions on every bucket and object. */
export function replicationPolicy(actions: readonly string[] = ALL_REPLICATION_ACTIONS): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: [...actions], Resource: ['arn:aws:s3:::*', 'arn:aws:s3:::*/*'] }],
  });
}

/** Creates a role through the IAM API (CreateRole + PutRolePolicy) and returns its ARN. */
export async function createRole(
  endpoint: Pick<ReplicationTestEndpoint, 'iam'>,
  name: string,
  options: { trust?: string; policy?: string } = {},
): Promise<string> {
  const created = await endpoint.iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: options.trust ?? TRUST_S3 }),
  );
  await endpoint.iam.send(
    new PutRolePolicyCommand({ RoleName: name, PolicyName: 'replication', PolicyDocument: options.policy ?? replicationPolicy() }),
  );
  return created.Role?.Arn as string;
}

/** GET/POST on the JSON admin API, SigV4-signed with the root key; returns status and parsed body. */
export async function adminCall<T = Record<string, unknown>>(
  endpoint: ReplicationTestEndpoint,
  method: 'GET' | 'POST',
  route: string,
  input: { query?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await signedFetch(endpoint.emulator, {
    method,
    path: `/_emulator/replication/${route}`,
    query: input.query,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
    contentType: input.body === undefined ? undefined : 'application/json',
  });
  return { status: response.status, body: (await response.json()) as T };
}
