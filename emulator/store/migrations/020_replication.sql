-- Replication engine state (owned by emulator/replication and emulator/store/replication-*.ts).
-- Times are epoch milliseconds.

-- When each rule of a bucket's configuration came into force. A rule whose content changes restarts its clock, so
-- versions created earlier count as "existed before the rule" (S3 only live-replicates versions created afterwards).
CREATE TABLE replication_rule_epochs (
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  content TEXT NOT NULL,
  effective_since INTEGER NOT NULL,
  PRIMARY KEY (bucket_id, rule_id)
);

-- One row per (source version, destination bucket): the durable task while it is QUEUED / RUNNING, then the
-- per-destination outcome (COMPLETED / FAILED with S3's failure reason) kept for status, failures and metrics.
CREATE TABLE replication_tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  version_id TEXT NOT NULL,
  -- The source version's seq at enqueue time: orders tasks of one key (older versions first).
  source_seq INTEGER NOT NULL,
  is_delete_marker INTEGER NOT NULL,
  size INTEGER NOT NULL,
  destination_bucket TEXT NOT NULL,
  rule_id TEXT,
  state TEXT NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- Earliest time the task may run: enqueue time + simulated inter-region delay, then retry backoff.
  not_before INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  finished_at INTEGER,
  failure_reason TEXT,
  failure_detail TEXT,
  -- 1 when queued by the admin "replicate existing version" route (S3 Batch Replication), 0 for live replication.
  from_batch INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX replication_tasks_by_target ON replication_tasks (source_bucket_id, key, version_id, destination_bucket);
CREATE INDEX replication_tasks_open ON replication_tasks (state, not_before) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX replication_tasks_by_key ON replication_tasks (source_bucket_id, key, destination_bucket, source_seq)
  WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX replication_tasks_finished ON replication_tasks (source_bucket_id, finished_at);
