import { ruleDestinationBucketName } from '@/lib/replication/evaluate';
import type { ReplicaWriteResult } from '../store/replication-replica';
import type { ReplicationTask } from '../store/replication-tasks';
import type { ObjectVersion } from '../store/types';
import type { ApplyDeps } from './apply-task';
import { ReplicationFailure } from './failure-reasons';
import { objectArn } from './role-access';
import { replicaModificationRules } from './tags-hook';
import { assumeReplicationRole, requireConfiguration, requirePermission, versionedDestination } from './task-checks';

/**
 * The role of the rule that still sends this version's tag changes to the task's destination: any enabled rule to
 * it for a replicated version (its object was already judged eligible), one with ReplicaModifications Enabled for
 * a replica's change going back to its origin.
 */
function governingRole(task: ReplicationTask, source: ObjectVersion, deps: ApplyDeps): string {
  const bucket = deps.store.buckets.find(task.sourceBucket);
  if (!bucket) throw new ReplicationFailure('SrcBucketNotFound', `Source bucket ${task.sourceBucket} no longer exists.`);
  const config = requireConfiguration(bucket);
  const rules = task.fromReplica
    ? replicaModificationRules(config, bucket, source)
    : config.Rules.filter((rule) => rule.Status === 'Enabled');
  if (!rules.some((rule) => ruleDestinationBucketName(rule) === task.destinationBucket)) {
    throw new ReplicationFailure('SrcObjectNotEligible', `No enabled rule sends changes of ${task.key} to ${task.destinationBucket} any more.`);
  }
  return config.Role;
}

/**
 * Copies a version's current tag set onto the same version in the destination. The read and the write happen in
 * one synchronous step, so a tag change committed after them is a later task's work, never lost in between.
 */
export function applyTagsTask(task: ReplicationTask, source: ObjectVersion, deps: ApplyDeps): Promise<ReplicaWriteResult> {
  const role = assumeReplicationRole(deps.resolveRole, governingRole(task, source, deps));
  requirePermission(role, 's3:GetObjectVersionTagging', objectArn(task.sourceBucket, task.key), 'SrcGetTaggingNotPermitted');
  versionedDestination(deps.store, task.destinationBucket);
  requirePermission(role, 's3:ReplicateTags', objectArn(task.destinationBucket, task.key), 'DstPutTaggingNotPermitted');
  if (!deps.store.objects.setReplicatedTags(task.destinationBucket, task.key, task.versionId, source.tags)) {
    throw new ReplicationFailure('DstVersionNotFound', `${task.destinationBucket} holds no version ${task.versionId} of ${task.key}.`);
  }
  return Promise.resolve('written');
}
