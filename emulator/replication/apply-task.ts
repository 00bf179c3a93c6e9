import { evaluateVersionReplication } from '@/lib/replication/evaluate';
import type { ReplicationRule } from '@/lib/replication/schema';
import type { ReplicaOptions, ReplicaWriteResult } from '../store/replication-replica';
import type { ReplicationTask } from '../store/replication-tasks';
import type { Store } from '../store/store';
import type { ObjectVersion } from '../store/types';
import { applyTagsTask } from './apply-tags-task';
import { ReplicationFailure } from './failure-reasons';
import { objectArn, type RoleResolver } from './role-access';
import { assumeReplicationRole, requireConfiguration, requirePermission, versionedDestination } from './task-checks';
import { versionFacts } from './version-facts';

export type ReplicaWriter = (
  store: Store,
  destinationBucket: string,
  source: ObjectVersion,
  options: ReplicaOptions,
) => Promise<ReplicaWriteResult>;

export interface ApplyDeps {
  store: Store;
  resolveRole: RoleResolver;
  writeReplica: ReplicaWriter;
}

/**
 * The rule that now governs this version for the task's destination.
 * NOTE: S3 does not document what happens to queued work when its rule changes. We re-evaluate against the
 * current configuration (ignoring "existed before the rule", which was settled when the task was queued): a task
 * whose configuration was deleted fails with SrcBucketReplicationConfigMissing; one whose destination no longer
 * has an applicable enabled rule fails with SrcObjectNotEligible.
 */
function governingRule(store: Store, task: ReplicationTask, source: ObjectVersion): { rule: ReplicationRule; role: string } {
  const bucket = store.buckets.find(task.sourceBucket);
  if (!bucket) throw new ReplicationFailure('SrcBucketNotFound', `Source bucket ${task.sourceBucket} no longer exists.`);
  const config = requireConfiguration(bucket);
  const evaluation = evaluateVersionReplication({ configuration: config, sourceBucket: bucket.name, version: versionFacts(source) });
  const decision = evaluation.destinations.find((d) => d.destinationBucket === task.destinationBucket);
  if (!decision) {
    throw new ReplicationFailure('SrcObjectNotEligible', `No rule replicates to ${task.destinationBucket} any more.`);
  }
  if (!decision.replicate) throw new ReplicationFailure('SrcObjectNotEligible', decision.reason.message);
  return { rule: decision.rule, role: config.Role };
}

/**
 * Replicates one version to one destination. Throws ReplicationFailure for final outcomes (the version becomes
 * FAILED); any other error is temporary and the engine retries.
 */
export async function applyTask(task: ReplicationTask, deps: ApplyDeps): Promise<ReplicaWriteResult> {
  const { store } = deps;
  if (!store.buckets.find(task.sourceBucket)) {
    throw new ReplicationFailure('SrcBucketNotFound', `Source bucket ${task.sourceBucket} no longer exists.`);
  }
  const source = store.objects.find(task.sourceBucket, task.key, task.versionId);
  if (!source) throw new ReplicationFailure('SrcVersionNotFound', `Version ${task.versionId} of ${task.key} no longer exists.`);
  if (task.kind === 'TAGS') return applyTagsTask(task, source, deps);
  const { rule, role: roleArn } = governingRule(store, task, source);

  const role = assumeReplicationRole(deps.resolveRole, roleArn);
  if (!source.isDeleteMarker) {
    requirePermission(role, 's3:GetObjectVersionForReplication', objectArn(task.sourceBucket, task.key), 'SrcGetObjectNotPermitted');
  }

  const destination = versionedDestination(store, task.destinationBucket);

  const target = objectArn(task.destinationBucket, task.key);
  const ownerOverride = rule.Destination.AccessControlTranslation?.Owner === 'Destination';
  if (source.isDeleteMarker) {
    requirePermission(role, 's3:ReplicateDelete', target, 'DstDelObjNotPermitted');
  } else {
    requirePermission(role, 's3:ReplicateObject', target, 'DstPutObjectNotPermitted');
    if (source.tags.length > 0) requirePermission(role, 's3:ReplicateTags', target, 'DstPutTaggingNotPermitted');
    // NOTE: S3 has no dedicated failure code for a missing owner-override permission; we report the object write.
    if (ownerOverride) requirePermission(role, 's3:ObjectOwnerOverrideToBucketOwner', target, 'DstPutObjectNotPermitted');
  }

  return deps.writeReplica(store, task.destinationBucket, source, {
    storageClass: rule.Destination.StorageClass ?? source.storageClass,
    ownerId: ownerOverride ? destination.ownerId : source.ownerId,
    sseKmsKeyId: replicaKmsKeyId(rule, source),
  });
}

/** S3 re-encrypts an SSE-KMS (or DSSE-KMS) replica with the rule's ReplicaKmsKeyID; other replicas keep the source's. */
function replicaKmsKeyId(rule: ReplicationRule, source: ObjectVersion): string | null {
  const replicaKey = rule.Destination.EncryptionConfiguration?.ReplicaKmsKeyID;
  const isKms = source.sse === 'aws:kms' || source.sse === 'aws:kms:dsse';
  return isKms && replicaKey ? replicaKey : source.sseKmsKeyId;
}
