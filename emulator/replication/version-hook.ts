import { evaluateVersionReplication, type DestinationDecision } from '@/lib/replication/evaluate';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { MetadataDb } from '../store/metadata';
import { bucketRegion, ruleEffectiveTimes } from '../store/replication-config';
import { enqueueTask, type NewTask } from '../store/replication-tasks';
import type { Bucket, ObjectVersion } from '../store/types';
import type { VersionCreatedHook } from '../store/versions';
import type { DelayPolicy } from './delays';
import { storedConfiguration } from './stored-configuration';
import { versionFacts } from './version-facts';

export type ReplicateDecision = Extract<DestinationDecision, { replicate: true }>;

export interface QueueingDeps {
  delay: DelayPolicy;
  now: () => number;
  /** Called after tasks were inserted (the transaction may still be open: schedule, don't run). */
  onQueued: () => void;
}

/**
 * The destinations a version goes to under the configuration. `live` applies "existed before the rule" (a version
 * created before its rule came into force is not live-replicated); Batch Replication ignores it.
 */
export function replicatingDecisions(
  db: MetadataDb,
  bucket: Bucket,
  config: ReplicationConfiguration,
  version: ObjectVersion,
  mode: 'live' | 'batch',
): { decisions: ReplicateDecision[]; notReplicated: Exclude<DestinationDecision, ReplicateDecision>[] } {
  const epochs = mode === 'live' ? ruleEffectiveTimes(db, bucket.id) : undefined;
  const evaluation = evaluateVersionReplication({
    configuration: config,
    sourceBucket: bucket.name,
    version: versionFacts(version),
    ruleEffectiveSince: epochs
      ? (ruleId) => {
          const since = ruleId === undefined ? undefined : epochs.get(ruleId);
          return since === undefined ? undefined : new Date(since);
        }
      : undefined,
  });
  return {
    decisions: evaluation.destinations.filter((d): d is ReplicateDecision => d.replicate),
    notReplicated: evaluation.destinations.filter((d): d is Exclude<DestinationDecision, ReplicateDecision> => !d.replicate),
  };
}

/** What every task of a version to one destination holds: where it goes, and when it is due (after the region pair's delay). */
export function taskTarget(
  db: MetadataDb,
  bucket: Bucket,
  version: ObjectVersion,
  destination: { destinationBucket: string; ruleId: string | null },
  deps: Pick<QueueingDeps, 'delay'>,
  now: number,
): Omit<NewTask, 'isDeleteMarker' | 'size' | 'fromBatch'> {
  return {
    sourceBucketId: bucket.id,
    key: version.key,
    versionId: version.versionId,
    sourceSeq: version.seq,
    destinationBucket: destination.destinationBucket,
    ruleId: destination.ruleId,
    notBefore: now + deps.delay(bucket.region, bucketRegion(db, destination.destinationBucket)),
    enqueuedAt: now,
  };
}

/** Inserts one task per destination and marks the version PENDING. Call inside the version's transaction. */
export function queueVersion(
  db: MetadataDb,
  bucket: Bucket,
  version: ObjectVersion,
  decisions: ReplicateDecision[],
  deps: Pick<QueueingDeps, 'delay' | 'now'>,
  fromBatch: boolean,
): void {
  const now = deps.now();
  for (const decision of decisions) {
    const target = taskTarget(db, bucket, version, { destinationBucket: decision.destinationBucket, ruleId: decision.ruleId ?? null }, deps, now);
    enqueueTask(db, { ...target, isDeleteMarker: version.isDeleteMarker, size: version.size, fromBatch });
  }
  db.prepare(`UPDATE object_versions SET replication_status = 'PENDING', replication_failure_reason = NULL WHERE seq = ?`).run(
    version.seq,
  );
}

/**
 * The version hook: runs in the transaction that creates every version and delete marker, so a matching version is
 * PENDING and its tasks exist atomically with the version itself (or neither does).
 */
export function replicationVersionHook(deps: QueueingDeps): VersionCreatedHook {
  return (tx, version, bucket) => {
    const config = storedConfiguration(bucket);
    if (!config) return false;
    const { decisions } = replicatingDecisions(tx, bucket, config, version, 'live');
    if (decisions.length === 0) return false;
    queueVersion(tx, bucket, version, decisions, deps, false);
    deps.onQueued();
    return true;
  };
}
