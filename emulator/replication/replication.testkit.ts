import { CreateBucketCommand, PutBucketVersioningCommand, type ReplicationRule, type S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { startEndpoint, endpointForSuite, type EndpointFixture, type TestEndpoint } from '../testing/endpoint.testkit';
import { signedFetch } from './signed-fetch.testkit';

/** Shared set-up of the replication integration tests: an endpoint with no replication delay unless given. */
export type ReplicationTestEndpoint = TestEndpoint;

// Replication tests wait with drain(), so no simulated inter-region delay unless asked for.
const REPLICATION_ENDPOINT = { replicationDelayMs: 0, tempPrefix: 's3-replication-' };

export function startReplicationEndpoint(
  options: { dataDir?: string; replicationDelayMs?: number } = {},
): Promise<ReplicationTestEndpoint> {
  return startEndpoint({
    ...REPLICATION_ENDPOINT,
    dataDir: options.dataDir,
    replicationDelayMs: options.replicationDelayMs ?? REPLICATION_ENDPOINT.replicationDelayMs,
  });
}

/** `endpointForSuite()` (one endpoint for the file or describe) with no replication delay unless given. */
export function replicationEndpointForSuite(options: { replicationDelayMs?: number } = {}): EndpointFixture {
  return endpointForSuite({
    ...REPLICATION_ENDPOINT,
    replicationDelayMs: options.replicationDelayMs ?? REPLICATION_ENDPOINT.replicationDelayMs,
  });
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

/** An enabled rule for every key to `destination`, without delete-marker replication unless overridden. */
export function replicationRule(id: string, destination: string, overrides: Partial<ReplicationRule> = {}): ReplicationRule {
  return {
    ID: id,
    Priority: 1,
    Filter: {},
    Status: 'Enabled',
    DeleteMarkerReplication: { Status: 'Disabled' },
    Destination: { Bucket: bucketArn(destination) },
    ...overrides,
  };
}

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
  endpoint: Pick<EndpointFixture, 'iam'>,
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
  endpoint: Pick<EndpointFixture, 'emulator'>,
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
