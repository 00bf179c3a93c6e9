import type { ReplicationRule, ReplicationRuleFilter } from '@/lib/replication/schema';
import { ruleTags, rulePrefix } from '@/lib/replication/rule-shape';
import { bucketArn, bucketNameFromArn } from '@/lib/s3/bucket-name';
import type { RuleInput, RuleScope } from './rule-input';

/** The wizard's scope as a V2 Filter: `{}` for the whole bucket, one child otherwise (S3 allows exactly one). */
export function filterFromScope(scope: RuleScope): ReplicationRuleFilter {
  if (scope.kind === 'bucket') return {};
  const tags = scope.tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
  if (tags.length === 0) return { Prefix: scope.prefix };
  if (tags.length === 1 && scope.prefix === '') return { Tag: tags[0] };
  return { And: { ...(scope.prefix === '' ? {} : { Prefix: scope.prefix }), Tags: tags } };
}

const enabled = (on: boolean) => ({ Status: on ? ('Enabled' as const) : ('Disabled' as const) });

/** The ReplicationRule the wizard's choices describe, always in the V2 schema as today's console writes it. */
export function buildRule(input: RuleInput): ReplicationRule {
  const destination: ReplicationRule['Destination'] = { Bucket: bucketArn(input.destination.bucket) };
  if (input.destination.account === 'other' && input.destination.accountId) destination.Account = input.destination.accountId;
  if (input.storageClass) destination.StorageClass = input.storageClass;
  if (input.ownerOverride) destination.AccessControlTranslation = { Owner: 'Destination' };
  if (input.replicateKmsObjects && input.replicaKmsKeyId) {
    destination.EncryptionConfiguration = { ReplicaKmsKeyID: input.replicaKmsKeyId.trim() };
  }
  if (input.replicationTimeControl) destination.ReplicationTime = { Status: 'Enabled', Time: { Minutes: 15 } };
  if (input.replicationMetrics) destination.Metrics = { Status: 'Enabled', EventThreshold: { Minutes: 15 } };

  const rule: ReplicationRule = {
    ID: input.ruleName,
    Priority: input.priority,
    Filter: filterFromScope(input.scope),
    Status: input.status,
    Destination: destination,
    DeleteMarkerReplication: enabled(input.deleteMarkerReplication),
  };
  if (input.replicateKmsObjects || input.replicaModificationSync) {
    rule.SourceSelectionCriteria = {
      ...(input.replicateKmsObjects ? { SseKmsEncryptedObjects: enabled(true) } : {}),
      ...(input.replicaModificationSync ? { ReplicaModifications: enabled(true) } : {}),
    };
  }
  return rule;
}

/** The wizard's choices for an existing rule, so that Edit opens the wizard prefilled. */
export function ruleToInputFields(
  rule: ReplicationRule,
): Omit<RuleInput, 'sourceBucket' | 'role' | 'expectedFingerprint' | 'editingRuleId'> {
  const prefix = rulePrefix(rule);
  const tags = ruleTags(rule).map((tag) => ({ key: tag.Key, value: tag.Value }));
  const destination = rule.Destination;
  return {
    scope: prefix === '' && tags.length === 0 ? { kind: 'bucket' } : { kind: 'filter', prefix, tags },
    replicateKmsObjects: rule.SourceSelectionCriteria?.SseKmsEncryptedObjects?.Status === 'Enabled',
    replicaKmsKeyId: destination.EncryptionConfiguration?.ReplicaKmsKeyID,
    destination: {
      account: destination.Account ? 'other' : 'this',
      accountId: destination.Account,
      bucket: bucketNameFromArn(destination.Bucket) ?? destination.Bucket,
    },
    storageClass: destination.StorageClass && destination.StorageClass !== 'FSX_OPENZFS' ? destination.StorageClass : null,
    ownerOverride: destination.AccessControlTranslation?.Owner === 'Destination',
    deleteMarkerReplication: rule.DeleteMarkerReplication?.Status === 'Enabled',
    replicaModificationSync: rule.SourceSelectionCriteria?.ReplicaModifications?.Status === 'Enabled',
    replicationTimeControl: destination.ReplicationTime?.Status === 'Enabled',
    replicationMetrics: destination.Metrics?.Status === 'Enabled',
    ruleName: rule.ID ?? '',
    status: rule.Status,
    priority: rule.Priority ?? 0,
  };
}
