import type { MetadataDb } from './metadata';

/**
 * The order of a key's versions, newest first, as ListObjectVersions shows them and as "latest" is decided: by
 * last-modified, then by insertion. Insertion order alone is not enough: a replica of an older version (Batch
 * Replication, a retried task) can be written after a newer one and keeps its source's last-modified.
 * Served by the index object_versions_by_key_date (migration 003).
 */
export const NEWEST_FIRST = 'last_modified DESC, seq DESC';

/** A version's place in NEWEST_FIRST order within its key. */
export interface VersionPosition {
  lastModified: number;
  seq: number;
}

/** SQL condition (two placeholders: lastModified, lastModified, then seq) for versions after a position. */
export const OLDER_THAN_POSITION = '(last_modified < ? OR (last_modified = ? AND seq < ?))';

export function olderThanParams(position: VersionPosition): [number, number, number] {
  return [position.lastModified, position.lastModified, position.seq];
}

/** The newest version of a key (by NEWEST_FIRST), or undefined when the key has none. */
export function newestVersion(db: MetadataDb, bucketId: number, key: string): VersionPosition | undefined {
  const row = db
    .prepare<[number, string], { seq: number; last_modified: number }>(
      `SELECT seq, last_modified FROM object_versions WHERE bucket_id = ? AND key = ? ORDER BY ${NEWEST_FIRST} LIMIT 1`,
    )
    .get(bucketId, key);
  return row ? { lastModified: row.last_modified, seq: row.seq } : undefined;
}

/** Marks the newest version of a key as its only latest one. Call inside the transaction that changed the key. */
export function refreshLatest(db: MetadataDb, bucketId: number, key: string): void {
  const newest = newestVersion(db, bucketId, key);
  if (!newest) return;
  db.prepare('UPDATE object_versions SET is_latest = 0 WHERE bucket_id = ? AND key = ? AND is_latest = 1 AND seq <> ?').run(
    bucketId,
    key,
    newest.seq,
  );
  db.prepare('UPDATE object_versions SET is_latest = 1 WHERE seq = ? AND is_latest = 0').run(newest.seq);
}
