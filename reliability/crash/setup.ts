import { CreateBucketCommand, PutBucketReplicationCommand, PutBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, PutRolePolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { replicationPermissionPolicy, replicationTrustPolicy } from '@/lib/replication/policy';
import type { ReplicationRule } from '@/lib/replication/schema';

/**
 * Source and destination buckets (versioned), a replication role made through the IAM API with the console's
 * least-privilege policies, and one rule replicating everything, delete markers included.
 */
export async function setUpReplication(s3: S3Client, iam: IAMClient, buckets: { source: string; destination: string }): Promise<void> {
  for (const bucket of [buckets.source, buckets.destination]) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  const rules: ReplicationRule[] = [
      {
        ID: 'everything',
        Priority: 1,
        Filter: { Prefix: '' },
        Status: 'Enabled',
        DeleteMarkerReplication: { Status: 'Enabled' },
        Destination: { Bucket: `arn:aws:s3:::${buckets.destination}` },
      },
  ];
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: 'crash-replication', AssumeRolePolicyDocument: JSON.stringify(replicationTrustPolicy()) }),
  );
  const permissions = replicationPermissionPolicy({
    sourceBucket: buckets.source,
    configuration: { Rules: rules },
  });
  await iam.send(
    new PutRolePolicyCommand({ RoleName: 'crash-replication', PolicyName: 'replication', PolicyDocument: JSON.stringify(permissions) }),
  );
  await s3.send(
    new PutBucketReplicationCommand({
      Bucket: buckets.source,
      ReplicationConfiguration: { Role: role.Role?.Arn as string, Rules: rules },
    }),
  );
}
