-- A queued task is "ready" when it is the oldest open task of its (source bucket, key, destination) group and no
-- task of that group is running: workers claim only ready tasks, so a claim is an index lookup however many tasks
-- wait behind a busy key. Maintained by emulator/store/replication-tasks.ts and recomputed at engine start.
ALTER TABLE replication_tasks ADD COLUMN ready INTEGER NOT NULL DEFAULT 0;
CREATE INDEX replication_tasks_ready ON replication_tasks (not_before, id) WHERE state = 'QUEUED' AND ready = 1;
