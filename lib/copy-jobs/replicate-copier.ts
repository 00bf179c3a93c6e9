import { adminReplicate, adminVersionStatus, type AdminJson } from '@/lib/compare/s3/admin-api';
import type { Copier, CopyOutcome } from './types';

const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 1_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/**
 * The embedded endpoint's Batch Replication: queues the version (same version id, REPLICA at the destination)
 * through the admin API, then waits until the destination's task is COMPLETED or FAILED.
 */
export function replicateCopier(admin: AdminJson, sourceBucket: string, destinationBucket: string): Copier {
  return async (item, signal): Promise<CopyOutcome> => {
    const [result] = await adminReplicate(admin, [{ bucket: sourceBucket, key: item.key, versionId: item.versionId }]);
    if (!result) return { status: 'failed', code: 'NoResult', message: 'The admin API answered without a result.' };
    if (result.error) return { status: 'failed', code: result.error.code, message: result.error.message };
    if (!result.queued) {
      const reason = result.reason ?? { code: 'NotQueued', message: 'The endpoint did not queue this version.' };
      return { status: 'skipped', code: reason.code, message: reason.message };
    }
    if (result.destinations && !result.destinations.includes(destinationBucket)) {
      return { status: 'skipped', code: 'OTHER_DESTINATION', message: `The rules replicate this version to ${result.destinations.join(', ')} only.` };
    }
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
      const status = await adminVersionStatus(admin, sourceBucket, item.key, result.versionId ?? item.versionId);
      if (!status) return { status: 'failed', code: 'NoSuchVersion', message: 'The version was deleted while it was replicated.' };
      const toDestination = status.destinations.find((destination) => destination.bucket === destinationBucket);
      if (toDestination?.status === 'COMPLETED') return { status: 'copied' };
      if (toDestination?.status === 'FAILED') {
        return { status: 'failed', code: toDestination.failureReason ?? 'ReplicationFailed', message: toDestination.detail ?? 'Replication failed.' };
      }
      if (signal.aborted) return { status: 'skipped', code: 'QUEUED_BEFORE_CANCEL', message: 'Queued before the job was cancelled; it still replicates.' };
      await sleep(wait, signal);
    }
  };
}
