import { ruleDestinationBucketName, ruleMatchesKeyAndTags } from '@/lib/replication/evaluate';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import type { TagsChangedHook } from '../store/objects';
import { enqueueTagsTask, hasReplicaTasks, objectTaskDestinations, refreshVersionStatus } from '../store/replication-tasks';
import type { Bucket, ObjectVersion } from '../store/types';
import { storedConfiguration } from './stored-configuration';
import { taskTarget, type QueueingDeps } from './version-hook';

/**
 * The rules that send a replica's changes back (replica modification sync): enabled rules of the replica's bucket
 * with ReplicaModifications Enabled whose filter selects the replica, the highest priority per destination.
 */
export function replicaModificationRules(config: ReplicationConfiguration, bucket: Bucket, version: ObjectVersion): ReplicationRule[] {
  const byDestination = new Map<string, ReplicationRule>();
  for (const rule of config.Rules) {
    if (rule.Status !== 'Enabled' || rule.SourceSelectionCriteria?.ReplicaModifications?.Status !== 'Enabled') continue;
    if (!ruleMatchesKeyAndTags(rule, version.key, version.tags)) continue;
    const destination = ruleDestinationBucketName(rule);
    if (destination === bucket.name) continue;
    const current = byDestination.get(destination);
    if (!current || (rule.Priority ?? 0) > (current.Priority ?? 0)) byDestination.set(destination, rule);
  }
  return [...byDestination.values()];
}

/** Where a version's tag change goes: back to the origin for a replica, else wherever the version was replicated. */
function tagChangeDestinations(
  tx: Parameters<TagsChangedHook>[0],
  version: ObjectVersion,
  bucket: Bucket,
): { destinations: { destinationBucket: string; ruleId: string | null }[]; fromReplica: boolean } {
  const isReplica = version.replicationStatus === 'REPLICA' || hasReplicaTasks(tx, bucket.id, version.key, version.versionId);
  if (!isReplica) return { destinations: objectTaskDestinations(tx, bucket.id, version.key, version.versionId), fromReplica: false };
  const config = storedConfiguration(bucket);
  const rules = config ? replicaModificationRules(config, bucket, version) : [];
  return {
    destinations: rules.map((rule) => ({ destinationBucket: ruleDestinationBucketName(rule), ruleId: rule.ID ?? null })),
    fromReplica: true,
  };
}

/**
 * The tag hook: runs in the transaction of PutObjectTagging / DeleteObjectTagging, so the TAGS tasks exist (and the
 * version is PENDING) atomically with the tag change itself.
 */
export function replicationTagsHook(deps: QueueingDeps): TagsChangedHook {
  return (tx, version, bucket) => {
    if (version.isDeleteMarker) return;
    const { destinations, fromReplica } = tagChangeDestinations(tx, version, bucket);
    if (destinations.length === 0) return;
    const now = deps.now();
    for (const destination of destinations) {
      enqueueTagsTask(tx, { ...taskTarget(tx, bucket, version, destination, deps, now), fromReplica });
    }
    refreshVersionStatus(tx, bucket.id, version.key, version.versionId);
    deps.onQueued();
  };
}
