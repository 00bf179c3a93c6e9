import type { Store } from './store';
import type { ObjectVersion } from './types';

export interface ReplicaOptions {
  storageClass: string;
  ownerId: string;
  /** The KMS key the replica is encrypted with (the rule's ReplicaKmsKeyID for SSE-KMS sources), else the source's. */
  sseKmsKeyId: string | null;
}

export type ReplicaWriteResult = 'written' | 'already-present';

/**
 * Writes `source` into `destinationBucket` as a replica: same key, version id, last-modified, ETag, checksum,
 * parts count, metadata and tags, status REPLICA, sharing the blob (a hard link). Idempotent: when the destination
 * already holds that version id nothing is written, so a task re-run after a crash never makes a second version.
 * A replica of an older version than the destination's newest keeps its last-modified and so does not become the
 * latest (store/version-order.ts).
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
      sseKmsKeyId: options.sseKmsKeyId,
    },
    etag: source.etag,
    checksum: source.checksum,
    partsCount: source.partsCount,
    ownerId: options.ownerId,
    replicationStatus: 'REPLICA',
    content: source.isDeleteMarker ? undefined : { fromVersion: source },
  });
  return 'written';
}

