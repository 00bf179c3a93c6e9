import { CreateJobCommand, type CreateJobCommandInput, type S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';

/** S3 Batch Replication of a bucket's existing (NONE) or failed (FAILED) versions (s3-replication.md §6). */
export const batchReplicationInput = z.object({
  sourceBucket: z.string().min(3).max(63),
  /** The batch job's role: s3:InitiateReplication, s3:GetReplicationConfiguration, s3:PutInventoryConfiguration, … */
  roleArn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+/, 'must be an IAM role ARN'),
  /** Bucket for the completion report (failed tasks only); none = no report. */
  reportBucket: z.string().min(3).max(63).optional(),
  statuses: z.array(z.enum(['NONE', 'FAILED'])).min(1),
});
export type BatchReplicationInput = z.infer<typeof batchReplicationInput>;

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;

/** The CreateJob request: a generated manifest of the source's eligible versions, operation S3ReplicateObject. */
export function batchReplicationJob(input: BatchReplicationInput, accountId: string, clientRequestToken: string): CreateJobCommandInput {
  return {
    AccountId: accountId,
    ClientRequestToken: clientRequestToken,
    ConfirmationRequired: false,
    Priority: 10,
    RoleArn: input.roleArn,
    Description: `Replicate existing objects of ${input.sourceBucket} (S3 Replication Console)`.slice(0, 256),
    Operation: { S3ReplicateObject: {} },
    ManifestGenerator: {
      S3JobManifestGenerator: {
        ExpectedBucketOwner: accountId,
        SourceBucket: bucketArn(input.sourceBucket),
        EnableManifestOutput: false,
        Filter: { EligibleForReplication: true, ObjectReplicationStatuses: input.statuses },
      },
    },
    Report: input.reportBucket
      ? {
          Enabled: true,
          Bucket: bucketArn(input.reportBucket),
          Format: 'Report_CSV_20180820',
          ReportScope: 'FailedTasksOnly',
          Prefix: 'batch-replication-reports',
        }
      : { Enabled: false },
  };
}

/** Creates the job in the source bucket's region (where S3 requires it); resolves to the job id. */
export async function createBatchReplicationJob(
  clients: { s3Control: S3ControlClient; sts: STSClient },
  input: BatchReplicationInput,
  clientRequestToken: string,
): Promise<{ jobId: string; accountId: string }> {
  const { Account } = await clients.sts.send(new GetCallerIdentityCommand({}));
  if (!Account) throw new Error('STS GetCallerIdentity returned no account id.');
  const { JobId } = await clients.s3Control.send(new CreateJobCommand(batchReplicationJob(input, Account, clientRequestToken)));
  return { jobId: JobId ?? '', accountId: Account };
}
