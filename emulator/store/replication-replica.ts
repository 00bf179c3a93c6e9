import type { Store } from './store';
import type { ObjectVersion } from './types';

export interface ReplicaOptions {
  storageClass: string;
  ownerId: string;
}

export type ReplicaWriteResult = 'written' | 'already-present';

/**
 * Writes `source` into `destinationBucket` as a replica: same key, version id, last-modified, ETag, checksum,
 * parts count, metadata and tags, status REPLICA, sharing the blob (a hard link). Idempotent: when the destination
 * already holds that version id nothing is written, so a task re-run after a crash never makes a second version.
 */
export async function writeReplica(
  store: Store,
  destinationBucket: string,
  source: ObjectVersion,
  options: ReplicaOptions,
): Promise<ReplicaWriteResult> {
  if (store.objects.find(destinationBucket, source.key, source.versionId)) return 'already-present';
  await store.objects.putReplicaVersion(destinationBucket, {
    key: source.key,
    versionId: source.versionId,
    lastModified: source.lastModified,
    isDeleteMarker: source.isDeleteMarker,
    attributes: {
      contentType: source.contentType,
      contentEncoding: source.contentEncoding,
      contentDisposition: source.contentDisposition,
      contentLanguage: source.contentLanguage,
      cacheControl: source.cacheControl,
      expires: source.expires,
      userMetadata: source.userMetadata,
      tags: source.tags,
      storageClass: source.isDeleteMarker ? 'STANDARD' : options.storageClass,
      sse: source.sse,
      sseKmsKeyId: source.sseKmsKeyId,
    },
    etag: source.etag,
    checksum: source.checksum,
    partsCount: source.partsCount,
    ownerId: options.ownerId,
    replicationStatus: 'REPLICA',
    content: source.isDeleteMarker ? undefined : { fromVersion: source },
  });
  restoreLatestIfOlder(store, destinationBucket, source);
  return 'written';
}

/**
 * A replica of an older version (Batch Replication of existing objects, or a retry) must not become the current
 * version when the destination already has a newer one: the latest is the version with the newest last-modified.
 */
function restoreLatestIfOlder(store: Store, destinationBucket: string, replica: ObjectVersion): void {
  const db = store.db;
  db.transaction(() => {
    const bucket = store.buckets.find(destinationBucket);
    if (!bucket) return;
    const newer = db
      .prepare<[number, string, number], { seq: number }>(
        'SELECT seq FROM object_versions WHERE bucket_id = ? AND key = ? AND last_modified > ? LIMIT 1',
      )
      .get(bucket.id, replica.key, replica.lastModified);
    if (!newer) return;
    db.prepare(
      `UPDATE object_versions SET is_latest = CASE WHEN seq = (
         SELECT seq FROM object_versions WHERE bucket_id = ? AND key = ? ORDER BY last_modified DESC, seq DESC LIMIT 1
       ) THEN 1 ELSE 0 END
       WHERE bucket_id = ? AND key = ?`,
    ).run(bucket.id, replica.key, bucket.id, replica.key);
  })();
}
