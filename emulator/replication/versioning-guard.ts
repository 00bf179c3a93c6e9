import { S3Error } from '../s3/errors';
import type { Store } from '../store/store';

export const SUSPEND_WITH_REPLICATION_MESSAGE =
  'A replication configuration is present on this bucket, so you cannot change the versioning state. To change the versioning state, first delete the replication configuration.';

const guarded = new WeakSet<Store>();

/** PutBucketVersioning Suspended on a bucket with a replication configuration → 409 InvalidBucketState (observed). */
export function refuseSuspendWithReplication(store: Store): void {
  if (guarded.has(store)) return;
  guarded.add(store);
  store.buckets.onVersioningChange((bucket, next) => {
    if (next === 'Suspended' && bucket.replicationConfig !== null) {
      throw new S3Error('InvalidBucketState', { message: SUSPEND_WITH_REPLICATION_MESSAGE });
    }
  });
}
