import { describe, expect, it } from 'vitest';
import { batchReplicationInput, batchReplicationJob } from './batch-replication';

describe('S3 Batch Replication job', () => {
  it('generates a manifest of never-replicated versions and replicates them', () => {
    const input = batchReplicationInput.parse({ sourceBucket: 'jtpbucket', roleArn: 'arn:aws:iam::123456789012:role/batch', statuses: ['NONE'] });
    expect(batchReplicationJob(input, '123456789012', 'token-1')).toMatchObject({
      AccountId: '123456789012',
      ClientRequestToken: 'token-1',
      RoleArn: 'arn:aws:iam::123456789012:role/batch',
      Operation: { S3ReplicateObject: {} },
      ManifestGenerator: {
        S3JobManifestGenerator: {
          SourceBucket: 'arn:aws:s3:::jtpbucket',
          EnableManifestOutput: false,
          Filter: { EligibleForReplication: true, ObjectReplicationStatuses: ['NONE'] },
        },
      },
      Report: { Enabled: false },
    });
  });

  it('asks for a failed-tasks report when a report bucket is given', () => {
    const input = batchReplicationInput.parse({ sourceBucket: 'jtpbucket', roleArn: 'arn:aws:iam::123456789012:role/batch', statuses: ['FAILED'], reportBucket: 'reports' });
    expect(batchReplicationJob(input, '123456789012', 't').Report).toEqual({
      Enabled: true,
      Bucket: 'arn:aws:s3:::reports',
      Format: 'Report_CSV_20180820',
      ReportScope: 'FailedTasksOnly',
      Prefix: 'batch-replication-reports',
    });
  });

  it('refuses a role that is not an IAM role ARN', () => {
    expect(batchReplicationInput.safeParse({ sourceBucket: 'jtpbucket', roleArn: 'batch', statuses: ['NONE'] }).success).toBe(false);
  });
});
