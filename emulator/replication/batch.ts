import type { NotReplicatedReason } from '@/lib/replication/evaluate';
import type { Store } from '../store/store';
import { isWellFormedVersionId } from '../store/version-ids';
import type { ReplicationEngine } from './engine';
import { storedConfiguration } from './stored-configuration';
import { queueVersion, replicatingDecisions } from './version-hook';

export interface ReplicateRequest {
  bucket: string;
  key: string;
  /** Omitted: the current version (which may be a delete marker). */
  versionId?: string;
}

export type ReplicateResult = ReplicateRequest &
  (
    | { queued: true; versionId: string; destinations: string[] }
    | { queued: false; reason: NotReplicatedReason }
    | { queued: false; error: { code: string; message: string } }
  );

const refusal = (request: ReplicateRequest, code: string, message: string): ReplicateResult => ({
  ...request,
  queued: false,
  error: { code, message },
});

/**
 * Replicates an existing version as S3 Batch Replication does: same version id, REPLICA on the destination,
 * every rule decision applied except "existed before the rule". Re-queues FAILED (and COMPLETED) destinations;
 * a destination whose task is still open is left as it is.
 */
export function replicateExistingVersion(store: Store, engine: ReplicationEngine, request: ReplicateRequest): ReplicateResult {
  const bucket = store.buckets.find(request.bucket);
  if (!bucket) return refusal(request, 'NoSuchBucket', 'The specified bucket does not exist');
  const config = storedConfiguration(bucket);
  if (!config) return refusal(request, 'ReplicationConfigurationNotFoundError', 'The replication configuration was not found');
  if (request.versionId !== undefined && !isWellFormedVersionId(request.versionId)) {
    return refusal(request, 'InvalidArgument', 'Invalid version id specified');
  }
  const result = store.db.transaction((): ReplicateResult => {
    const version = store.objects.find(request.bucket, request.key, request.versionId);
    if (!version) {
      return request.versionId === undefined
        ? refusal(request, 'NoSuchKey', 'The specified key does not exist.')
        : refusal(request, 'NoSuchVersion', 'The specified version does not exist.');
    }
    const { decisions, notReplicated } = replicatingDecisions(store.db, bucket, config, version, 'batch');
    if (decisions.length === 0) {
      const reason = notReplicated[0]?.reason ?? { code: 'NO_RULES', message: 'The source bucket has no replication rules.' };
      return { ...request, queued: false, reason };
    }
    queueVersion(store.db, bucket, version, decisions, { delay: engine.delay, now: engine.now }, true);
    return { ...request, queued: true, versionId: version.versionId, destinations: decisions.map((d) => d.destinationBucket) };
  })();
  if (result.queued) engine.wake();
  return result;
}
