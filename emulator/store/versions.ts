import type { MetadataDb } from './metadata';
import { ATTRIBUTE_COLUMNS, attributeParams, toVersion, type VersionRow } from './rows';
import type { Bucket, ObjectAttributes, ObjectChecksum, ObjectVersion, ReplicationStatus } from './types';
import { NULL_VERSION_ID, newVersionId } from './version-ids';
import { newestVersion, refreshLatest } from './version-order';

/**
 * Runs inside the metadata transaction that creates a version (object or delete marker). A hook may update the
 * version's replication status (it then returns true, so the row is read again) and insert rows of its own;
 * throwing aborts the whole write.
 */
export type VersionCreatedHook = (tx: MetadataDb, version: ObjectVersion, bucket: Bucket) => boolean | void;

export interface NewVersionInput {
  key: string;
  isDeleteMarker: boolean;
  attributes: ObjectAttributes;
  size: number;
  etag: string | null;
  blobId: string | null;
  partsCount: number | null;
  checksum: ObjectChecksum | null;
  ownerId: string;
  /** Given by replication / existing-object copy; otherwise derived from the bucket's versioning state. */
  versionId?: string;
  /** Epoch ms, kept as given (replicas); defaults to now, and never older than the key's newest version. */
  lastModified?: number;
  replicationStatus?: ReplicationStatus | null;
}

export interface CreatedVersion {
  version: ObjectVersion;
  /** Blobs of versions this write replaced (the previous null version); delete them after commit. */
  releasedBlobIds: string[];
}

export class VersionWriter {
  private readonly hooks: VersionCreatedHook[] = [];

  constructor(private readonly db: MetadataDb) {}

  onVersionCreated(hook: VersionCreatedHook): () => void {
    this.hooks.push(hook);
    return () => {
      const index = this.hooks.indexOf(hook);
      if (index >= 0) this.hooks.splice(index, 1);
    };
  }

  /** The one way a version or delete marker comes into existence. Must be called inside a transaction. */
  createInTransaction(bucket: Bucket, input: NewVersionInput): CreatedVersion {
    const versionId =
      input.versionId ?? (bucket.versioning === 'Enabled' ? newVersionId() : NULL_VERSION_ID);
    const releasedBlobIds: string[] = [];
    const existing = this.db
      .prepare<[number, string, string], { seq: number; blob_id: string | null }>(
        'SELECT seq, blob_id FROM object_versions WHERE bucket_id = ? AND key = ? AND version_id = ?',
      )
      .get(bucket.id, input.key, versionId);
    if (existing) {
      this.db.prepare('DELETE FROM object_versions WHERE seq = ?').run(existing.seq);
      if (existing.blob_id) releasedBlobIds.push(existing.blob_id);
    }
    const newest = newestVersion(this.db, bucket.id, input.key);
    // A version written here is never older than the key's newest one (a clock step back, or a replica stamped by
    // another clock), so it always becomes the latest; a replica keeps its source's last-modified.
    const lastModified = input.lastModified ?? Math.max(Date.now(), newest?.lastModified ?? 0);
    // The new row has the highest seq, so it is the newest unless it is older than the key's newest version.
    const isNewest = !newest || lastModified >= newest.lastModified;
    if (isNewest) {
      this.db
        .prepare('UPDATE object_versions SET is_latest = 0 WHERE bucket_id = ? AND key = ? AND is_latest = 1')
        .run(bucket.id, input.key);
    }
    const a = input.attributes;
    const result = this.db
      .prepare(
        `INSERT INTO object_versions (bucket_id, key, version_id, is_latest, is_delete_marker, last_modified, size, etag,
           blob_id, parts_count, ${ATTRIBUTE_COLUMNS}, checksum_algorithm, checksum_value, checksum_type, owner_id,
           replication_status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        bucket.id,
        input.key,
        versionId,
        isNewest ? 1 : 0,
        input.isDeleteMarker ? 1 : 0,
        lastModified,
        input.size,
        input.etag,
        input.blobId,
        input.partsCount,
        ...attributeParams(a),
        input.checksum?.algorithm ?? null,
        input.checksum?.value ?? null,
        input.checksum?.type ?? null,
        input.ownerId,
        input.replicationStatus ?? null,
      );
    const seq = Number(result.lastInsertRowid);
    // An older replica leaves the latest alone, unless the row it replaced (same version id) was the latest.
    if (!isNewest) refreshLatest(this.db, bucket.id, input.key);
    let version = this.bySeq(seq);
    for (const hook of this.hooks) {
      if (hook(this.db, version, bucket) === true) version = this.bySeq(seq);
    }
    return { version, releasedBlobIds };
  }

  bySeq(seq: number): ObjectVersion {
    const row = this.db.prepare<[number], VersionRow>('SELECT * FROM object_versions WHERE seq = ?').get(seq);
    if (!row) throw new Error(`version ${seq} vanished inside its transaction`);
    return toVersion(row);
  }
}
