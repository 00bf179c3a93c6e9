import { CreatePolicyCommand, CreateRoleCommand, AttachRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutBucketReplicationCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { Agent } from 'node:http';
import {
  REPLICATION_ROLE_PATH,
  policyNameFor,
  replicationPermissionPolicy,
  replicationTrustPolicy,
  roleNameFor,
} from '@/lib/replication/policy';
import type { ReplicationRule } from '@/lib/replication/schema';
import type { ServerUnderTest } from '../servers';

export const SOURCE_BUCKET = 'bench-replication-source';
export const DESTINATION_BUCKET = 'bench-replication-destination';

/**
 * Versioned source and destination, a role with the console's trust policy and least-privilege permission policy
 * (created through the IAM API), and one rule replicating everything.
 */
export async function setUpReplication(server: ServerUnderTest, s3: S3Client): Promise<void> {
  const iam = new IAMClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: server.credentials,
    requestHandler: { httpAgent: new Agent({ keepAlive: true }) },
  });
  try {
    for (const bucket of [SOURCE_BUCKET, DESTINATION_BUCKET]) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    }
    const rules: ReplicationRule[] = [
      {
        ID: 'bench-everything',
        Priority: 1,
        Filter: { Prefix: '' },
        Status: 'Enabled',
        DeleteMarkerReplication: { Status: 'Disabled' },
        Destination: { Bucket: `arn:aws:s3:::${DESTINATION_BUCKET}` },
      },
    ];
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: roleNameFor(SOURCE_BUCKET, DESTINATION_BUCKET),
        Path: REPLICATION_ROLE_PATH,
        AssumeRolePolicyDocument: JSON.stringify(replicationTrustPolicy()),
      }),
    );
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: policyNameFor(SOURCE_BUCKET, DESTINATION_BUCKET),
        PolicyDocument: JSON.stringify(
          replicationPermissionPolicy({ sourceBucket: SOURCE_BUCKET, configuration: { Rules: rules }, sourceRegion: 'us-east-1' }),
        ),
      }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: role.Role?.RoleName, PolicyArn: policy.Policy?.Arn }));
    await s3.send(
      new PutBucketReplicationCommand({
        Bucket: SOURCE_BUCKET,
        ReplicationConfiguration: { Role: role.Role?.Arn, Rules: rules },
      }),
    );
  } finally {
    iam.destroy();
  }
}
