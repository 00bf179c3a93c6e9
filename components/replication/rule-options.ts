import type { ReplicationRule } from '@/lib/replication/schema';

/** Short labels of a rule's optional features, for tables. */
export function ruleOptionLabels(rule: ReplicationRule): string[] {
  const labels: string[] = [];
  if (rule.DeleteMarkerReplication?.Status === 'Enabled') labels.push('Delete marker replication');
  if (rule.SourceSelectionCriteria?.ReplicaModifications?.Status === 'Enabled') labels.push('Replica modification sync');
  if (rule.SourceSelectionCriteria?.SseKmsEncryptedObjects?.Status === 'Enabled') labels.push('KMS-encrypted objects');
  if (rule.Destination.ReplicationTime?.Status === 'Enabled') labels.push('RTC 15 min');
  if (rule.Destination.Metrics?.Status === 'Enabled') labels.push('Metrics');
  return labels;
}

export function replicaOwnerLabel(rule: ReplicationRule): string {
  return rule.Destination.AccessControlTranslation ? 'Destination bucket owner' : 'Same as source';
}

export function compareHref(bucket: string, ruleId: string): string {
  return `/compare?${new URLSearchParams({ bucket, rule: ruleId })}`;
}

/** The wizard, adding a rule to `bucket`. */
export function newRuleHref(bucket: string): string {
  return `/replication/new?${new URLSearchParams({ source: bucket })}`;
}
