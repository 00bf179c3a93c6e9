import { bucketNameFromArn } from '@/lib/s3/bucket-name';
import type { ReplicationConfiguration, ReplicationRule, Tag } from '@/lib/replication/schema';

/**
 * Small readers of a rule's shape shared by validate, evaluate, policy and export.
 * V2 = any rule carries a Filter (S3 User Guide "Backward compatibility"); otherwise V1.
 */
export function isV2Configuration(config: Pick<ReplicationConfiguration, 'Rules'>): boolean {
  return config.Rules.some((rule) => rule.Filter !== undefined);
}

/** The destination bucket's name, or the ARN itself when it is not a plain bucket ARN. */
export function ruleDestinationBucketName(rule: Pick<ReplicationRule, 'Destination'>): string {
  return bucketNameFromArn(rule.Destination.Bucket) ?? rule.Destination.Bucket;
}

/** The key prefix a rule is limited to ('' = whole bucket), V1 or V2. */
export function rulePrefix(rule: ReplicationRule): string {
  if (rule.Filter) return rule.Filter.Prefix ?? rule.Filter.And?.Prefix ?? '';
  return rule.Prefix ?? '';
}

/** The tags a rule's filter requires (all must be present on the object). */
export function ruleTags(rule: ReplicationRule): Tag[] {
  if (!rule.Filter) return [];
  if (rule.Filter.Tag) return [rule.Filter.Tag];
  return rule.Filter.And?.Tags ?? [];
}

export function isRuleEnabled(rule: ReplicationRule): boolean {
  return rule.Status === 'Enabled';
}

export function replicatesDeleteMarkersV2(rule: ReplicationRule): boolean {
  return rule.DeleteMarkerReplication?.Status === 'Enabled';
}

export function replicatesKmsObjects(rule: ReplicationRule): boolean {
  return rule.SourceSelectionCriteria?.SseKmsEncryptedObjects?.Status === 'Enabled';
}
