import type { ReplicationConfiguration as SdkReplicationConfiguration } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { replicationConfigurationSchema, type ReplicationConfiguration } from '@/lib/replication/schema';

const valid: ReplicationConfiguration = {
  Role: 'arn:aws:iam::111122223333:role/r',
  Rules: [
    {
      ID: 'a',
      Priority: 1,
      Filter: { And: { Prefix: 'p/', Tags: [{ Key: 'k', Value: 'v' }] } },
      Status: 'Enabled',
      SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' }, ReplicaModifications: { Status: 'Disabled' } },
      Destination: {
        Bucket: 'arn:aws:s3:::d',
        Account: '444455556666',
        StorageClass: 'GLACIER_IR',
        AccessControlTranslation: { Owner: 'Destination' },
        EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:us-east-1:444455556666:key/k' },
        ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
        Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
      },
      DeleteMarkerReplication: { Status: 'Disabled' },
    },
  ],
};

describe('replicationConfigurationSchema', () => {
  it('our type is the SDK shape (assignable without mapping)', () => {
    const sdk: SdkReplicationConfiguration = valid;
    expect(replicationConfigurationSchema.parse(sdk)).toEqual(valid);
  });

  const rejected: { name: string; input: unknown }[] = [
    { name: 'lower-case status', input: { ...valid, Rules: [{ ...valid.Rules[0], Status: 'enabled' }] } },
    { name: 'unknown member', input: { ...valid, Extra: 1 } },
    { name: 'missing Role', input: { Rules: valid.Rules } },
    { name: 'non-integer priority', input: { ...valid, Rules: [{ ...valid.Rules[0], Priority: 1.5 }] } },
    { name: 'unknown storage class', input: { ...valid, Rules: [{ ...valid.Rules[0], Destination: { Bucket: 'b', StorageClass: 'COLD' } }] } },
  ];
  it.each(rejected)('rejects $name', ({ input }) => {
    expect(replicationConfigurationSchema.safeParse(input).success).toBe(false);
  });
});
