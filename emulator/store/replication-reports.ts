import type { MetadataDb } from './metadata';
import { selectTasks, type ReplicationTask } from './replication-tasks';

/** Read-only queries over replication_tasks for the admin API (status, failures, metrics). */

export function tasksOfVersion(db: MetadataDb, bucketId: number, key: string, versionId: string): ReplicationTask[] {
  return selectTasks(db, 't.source_bucket_id = ? AND t.key = ? AND t.version_id = ? ORDER BY t.id', [bucketId, key, versionId]);
}

/** FAILED tasks of a bucket (optionally one key), newest failure first. */
export function failedTasks(db: MetadataDb, bucketId: number, key: string | undefined, limit: number): ReplicationTask[] {
  return key === undefined
    ? selectTasks(db, `t.source_bucket_id = ? AND t.state = 'FAILED' ORDER BY t.finished_at DESC, t.id DESC LIMIT ?`, [bucketId, limit])
    : selectTasks(db, `t.source_bucket_id = ? AND t.key = ? AND t.state = 'FAILED' ORDER BY t.finished_at DESC, t.id DESC LIMIT ?`, [
        bucketId,
        key,
        limit,
      ]);
}

/** Tasks of a bucket that were open at some point since `since`: still open, or finished after it. */
export function tasksActiveSince(db: MetadataDb, bucketId: number, since: number): ReplicationTask[] {
  return selectTasks(
    db,
    `t.source_bucket_id = ? AND (t.state IN ('QUEUED', 'RUNNING') OR t.finished_at >= ?) ORDER BY t.id`,
    [bucketId, since],
  );
}
