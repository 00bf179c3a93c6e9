-- Tag changes on a replicated version (and, with replica modification sync, on a replica) are replicated as tasks of
-- kind TAGS. A version has at most one OBJECT task per destination; TAGS tasks are one per change (a change while
-- the previous one is being copied queues behind it), and a queued TAGS task absorbs later changes.
ALTER TABLE replication_tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'OBJECT' CHECK (kind IN ('OBJECT', 'TAGS'));
-- 1 when the task's source version is a replica (replica modification sync): its status returns to REPLICA.
ALTER TABLE replication_tasks ADD COLUMN from_replica INTEGER NOT NULL DEFAULT 0;
DROP INDEX replication_tasks_by_target;
CREATE UNIQUE INDEX replication_tasks_by_target ON replication_tasks (source_bucket_id, key, version_id, destination_bucket)
  WHERE kind = 'OBJECT';
CREATE INDEX replication_tasks_by_version ON replication_tasks (source_bucket_id, key, version_id, destination_bucket, kind);
