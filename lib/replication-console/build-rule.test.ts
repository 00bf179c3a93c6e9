import { describe, expect, it } from 'vitest';
import { buildRule, filterFromScope, ruleToInputFields } from './build-rule';
import type { RuleInput } from './rule-input';
import { wizardInput } from './wizard-input.testkit';

describe('filterFromScope', () => {
  it.each([
    ['entire bucket', { kind: 'bucket' as const }, {}],
    ['prefix only', { kind: 'filter' as const, prefix: 'logs/', tags: [] }, { Prefix: 'logs/' }],
    ['one tag', { kind: 'filter' as const, prefix: '', tags: [{ key: 'team', value: 'a' }] }, { Tag: { Key: 'team', Value: 'a' } }],
    [
      'prefix and a tag',
      { kind: 'filter' as const, prefix: 'logs/', tags: [{ key: 'team', value: 'a' }] },
      { And: { Prefix: 'logs/', Tags: [{ Key: 'team', Value: 'a' }] } },
    ],
    [
      'two tags',
      { kind: 'filter' as const, prefix: '', tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] },
      { And: { Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] } },
    ],
  ])('%s', (_label, scope, filter) => {
    expect(filterFromScope(scope)).toEqual(filter);
  });
});

describe('buildRule', () => {
  it('writes the tutorial rule in the V2 schema', () => {
    expect(buildRule(wizardInput)).toEqual({
      ID: 'S3CRR',
      Priority: 0,
      Filter: {},
      Status: 'Enabled',
      Destination: { Bucket: 'arn:aws:s3:::jtp1bucket' },
      DeleteMarkerReplication: { Status: 'Disabled' },
    });
  });

  it('carries every option', () => {
    const rule = buildRule({
      ...wizardInput,
      replicateKmsObjects: true,
      replicaKmsKeyId: ' arn:aws:kms:ap-south-1:111122223333:key/k ',
      destination: { account: 'other', accountId: '444455556666', bucket: 'theirs' },
      storageClass: 'STANDARD_IA',
      ownerOverride: true,
      deleteMarkerReplication: true,
      replicaModificationSync: true,
      replicationTimeControl: true,
      replicationMetrics: true,
    });
    expect(rule.Destination).toEqual({
      Bucket: 'arn:aws:s3:::theirs',
      Account: '444455556666',
      StorageClass: 'STANDARD_IA',
      AccessControlTranslation: { Owner: 'Destination' },
      EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:ap-south-1:111122223333:key/k' },
      ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
      Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
    });
    expect(rule.SourceSelectionCriteria).toEqual({
      SseKmsEncryptedObjects: { Status: 'Enabled' },
      ReplicaModifications: { Status: 'Enabled' },
    });
    expect(rule.DeleteMarkerReplication).toEqual({ Status: 'Enabled' });
  });

  it('round-trips through ruleToInputFields (what Edit prefills)', () => {
    const input: RuleInput = {
      ...wizardInput,
      scope: { kind: 'filter', prefix: 'docs/', tags: [{ key: 'k', value: 'v' }] },
      storageClass: 'GLACIER_IR',
      replicaModificationSync: true,
      priority: 4,
      status: 'Disabled',
    };
    const fields = ruleToInputFields(buildRule(input));
    expect({ ...input, ...fields }).toEqual({ ...input, replicaKmsKeyId: undefined, destination: { ...input.destination, accountId: undefined } });
  });
});
