import type { NotReplicatedReason } from '@/lib/replication/evaluate';
import { tasksOfVersion } from '../store/replication-reports';
import type { ReplicationTask } from '../store/replication-tasks';
import type { Store } from '../store/store';
import type { Bucket, ReplicationStatus } from '../store/types';
import { storedConfiguration } from './stored-configuration';
import { replicatingDecisions } from './version-hook';

export interface DestinationStatus {
  bucket: string;
  ruleId: string | null;
  status: 'PENDING' | 'COMPLETED' | 'FAILED';
  failureReason: string | null;
  /** Last error of a temporary failure being retried, or the detail of a final one. */
  detail: string | null;
  attempts: number;
  queuedAt: number;
  finishedAt: number | null;
  fromBatch: boolean;
  /** What the task copies: the version itself, or a later tag change (one entry per tag change not yet absorbed). */
  operation: ReplicationTask['kind'];
}

export interface VersionReplicationReport {
  bucket: string;
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  /** x-amz-replication-status of the version (null = not replicated: no header). */
  replicationStatus: ReplicationStatus | null;
  failureReason: string | null;
  destinations: DestinationStatus[];
  /** Destinations of the current configuration this version does not go to, and why (live-replication rules). */
  notReplicated: { destinationBucket: string; ruleId: string | null; reason: NotReplicatedReason }[];
}

function destinationStatus(task: ReplicationTask): DestinationStatus {
  return {
    bucket: task.destinationBucket,
    ruleId: task.ruleId,
    status: task.state === 'QUEUED' || task.state === 'RUNNING' ? 'PENDING' : task.state,
    failureReason: task.failureReason,
    detail: task.failureDetail,
    attempts: task.attempts,
    queuedAt: task.enqueuedAt,
    finishedAt: task.finishedAt,
    fromBatch: task.fromBatch,
    operation: task.kind,
  };
}

/** Per-destination replication state of one version (the latest when versionId is omitted); undefined if absent. */
export function versionReplicationReport(
  store: Store,
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
): VersionReplicationReport | undefined {
  const version = store.objects.find(bucket.name, key, versionId);
  if (!version) return undefined;
  const tasks = tasksOfVersion(store.db, bucket.id, key, version.versionId);
  const config = storedConfiguration(bucket);
  const withTask = new Set(tasks.map((task) => task.destinationBucket));
  const notReplicated = config
    ? replicatingDecisions(store.db, bucket, config, version, 'live')
        .notReplicated.filter((decision) => !withTask.has(decision.destinationBucket))
        .map((decision) => ({ destinationBucket: decision.destinationBucket, ruleId: decision.ruleId ?? null, reason: decision.reason }))
    : [];
  return {
    bucket: bucket.name,
    key,
    versionId: version.versionId,
    isDeleteMarker: version.isDeleteMarker,
    replicationStatus: version.replicationStatus,
    failureReason: version.replicationFailureReason,
    destinations: tasks.map(destinationStatus),
    notReplicated,
  };
}
