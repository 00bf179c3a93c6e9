import type { MetadataDb } from './metadata';
import type { ReplicationStatus } from './types';

/** The durable replication queue (table replication_tasks): one row per source version × destination bucket. */

export type TaskState = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** OBJECT copies a version (or delete marker); TAGS copies a version's current tag set onto the destination's. */
export type TaskKind = 'OBJECT' | 'TAGS';

export interface ReplicationTask {
  id: number;
  sourceBucketId: number;
  sourceBucket: string;
  key: string;
  versionId: string;
  sourceSeq: number;
  isDeleteMarker: boolean;
  size: number;
  destinationBucket: string;
  ruleId: string | null;
  state: TaskState;
  attempts: number;
  notBefore: number;
  enqueuedAt: number;
  finishedAt: number | null;
  failureReason: string | null;
  failureDetail: string | null;
  fromBatch: boolean;
  kind: TaskKind;
  /** The source version is a replica whose change goes back to its origin (replica modification sync). */
  fromReplica: boolean;
}

export interface NewTask {
  sourceBucketId: number;
  key: string;
  versionId: string;
  sourceSeq: number;
  isDeleteMarker: boolean;
  size: number;
  destinationBucket: string;
  ruleId: string | null;
  notBefore: number;
  enqueuedAt: number;
  fromBatch: boolean;
}

interface TaskRow {
  id: number;
  source_bucket_id: number;
  source_bucket: string;
  key: string;
  version_id: string;
  source_seq: number;
  is_delete_marker: number;
  size: number;
  destination_bucket: string;
  rule_id: string | null;
  state: TaskState;
  attempts: number;
  not_before: number;
  enqueued_at: number;
  finished_at: number | null;
  failure_reason: string | null;
  failure_detail: string | null;
  from_batch: number;
  kind: TaskKind;
  from_replica: number;
}

export const TASK_COLUMNS = `t.*, b.name AS source_bucket`;
export const TASK_FROM = `replication_tasks t JOIN buckets b ON b.id = t.source_bucket_id`;

export function toTask(row: TaskRow): ReplicationTask {
  return {
    id: row.id,
    sourceBucketId: row.source_bucket_id,
    sourceBucket: row.source_bucket,
    key: row.key,
    versionId: row.version_id,
    sourceSeq: row.source_seq,
    isDeleteMarker: row.is_delete_marker === 1,
    size: row.size,
    destinationBucket: row.destination_bucket,
    ruleId: row.rule_id,
    state: row.state,
    attempts: row.attempts,
    notBefore: row.not_before,
    enqueuedAt: row.enqueued_at,
    finishedAt: row.finished_at,
    failureReason: row.failure_reason,
    failureDetail: row.failure_detail,
    fromBatch: row.from_batch === 1,
    kind: row.kind,
    fromReplica: row.from_replica === 1,
  };
}

export function selectTasks(db: MetadataDb, where: string, params: (string | number)[]): ReplicationTask[] {
  return db
    .prepare<(string | number)[], TaskRow>(`SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE ${where}`)
    .all(...params)
    .map(toTask);
}

interface TaskGroup {
  sourceBucketId: number;
  key: string;
  destinationBucket: string;
}

/**
 * Marks the one task of a group that may run next: the oldest open task (older source versions first), and only
 * while no task of the group is running. Call after any state change in the group.
 */
function refreshGroupReadiness(db: MetadataDb, group: TaskGroup): void {
  const params = [group.sourceBucketId, group.key, group.destinationBucket] as const;
  db.prepare(
    `UPDATE replication_tasks SET ready = 0
     WHERE source_bucket_id = ? AND key = ? AND destination_bucket = ? AND state IN ('QUEUED', 'RUNNING') AND ready = 1`,
  ).run(...params);
  db.prepare(
    `UPDATE replication_tasks SET ready = 1 WHERE id = (
       SELECT id FROM replication_tasks
       WHERE source_bucket_id = ? AND key = ? AND destination_bucket = ? AND state IN ('QUEUED', 'RUNNING')
       ORDER BY source_seq, id LIMIT 1)
     AND state = 'QUEUED'`,
  ).run(...params);
}

function groupOf(db: MetadataDb, id: number): TaskGroup | undefined {
  const row = db
    .prepare<[number], { source_bucket_id: number; key: string; destination_bucket: string }>(
      'SELECT source_bucket_id, key, destination_bucket FROM replication_tasks WHERE id = ?',
    )
    .get(id);
  return row ? { sourceBucketId: row.source_bucket_id, key: row.key, destinationBucket: row.destination_bucket } : undefined;
}

/** Start-up: recomputes which task of every group may run next. */
export function refreshAllReadiness(db: MetadataDb): void {
  db.transaction(() => {
    db.prepare('UPDATE replication_tasks SET ready = 0 WHERE ready = 1').run();
    db.prepare(
      `UPDATE replication_tasks SET ready = 1 WHERE id IN (
         SELECT t.id FROM replication_tasks t
         WHERE t.state = 'QUEUED' AND NOT EXISTS (
           SELECT 1 FROM replication_tasks o
           WHERE o.source_bucket_id = t.source_bucket_id AND o.key = t.key AND o.destination_bucket = t.destination_bucket
             AND o.id <> t.id AND o.state IN ('QUEUED', 'RUNNING')
             AND (o.state = 'RUNNING' OR o.source_seq < t.source_seq OR (o.source_seq = t.source_seq AND o.id < t.id))))`,
    ).run();
  })();
}

/**
 * Queues a task. A finished task for the same version and destination is reset (Batch Replication re-runs it);
 * an open one is left alone.
 */
export function enqueueTask(db: MetadataDb, task: NewTask): void {
  db.prepare(
    `INSERT INTO replication_tasks (source_bucket_id, key, version_id, source_seq, is_delete_marker, size,
       destination_bucket, rule_id, state, attempts, not_before, enqueued_at, from_batch)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)
     ON CONFLICT (source_bucket_id, key, version_id, destination_bucket) WHERE kind = 'OBJECT' DO UPDATE SET
       state = 'QUEUED', attempts = 0, not_before = excluded.not_before, enqueued_at = excluded.enqueued_at,
       finished_at = NULL, failure_reason = NULL, failure_detail = NULL, from_batch = excluded.from_batch,
       rule_id = excluded.rule_id, source_seq = excluded.source_seq, size = excluded.size
     WHERE state IN ('COMPLETED', 'FAILED')`,
  ).run(
    task.sourceBucketId,
    task.key,
    task.versionId,
    task.sourceSeq,
    task.isDeleteMarker ? 1 : 0,
    task.size,
    task.destinationBucket,
    task.ruleId,
    task.notBefore,
    task.enqueuedAt,
    task.fromBatch ? 1 : 0,
  );
  refreshGroupReadiness(db, task);
}

/**
 * Queues the replication of a version's tag change to one destination. A TAGS task still waiting for that version
 * and destination already copies the tags current when it runs, so it absorbs this change; otherwise (none, or one
 * already running with the older tags) a new task queues behind the key's open work.
 */
export function enqueueTagsTask(
  db: MetadataDb,
  task: Omit<NewTask, 'isDeleteMarker' | 'size' | 'fromBatch'> & { fromReplica: boolean },
): void {
  const waiting = db
    .prepare<[number, string, string, string], { id: number }>(
      `SELECT id FROM replication_tasks
       WHERE source_bucket_id = ? AND key = ? AND version_id = ? AND destination_bucket = ? AND kind = 'TAGS' AND state = 'QUEUED'`,
    )
    .get(task.sourceBucketId, task.key, task.versionId, task.destinationBucket);
  if (waiting) return;
  db.prepare(
    `INSERT INTO replication_tasks (source_bucket_id, key, version_id, source_seq, is_delete_marker, size,
       destination_bucket, rule_id, state, attempts, not_before, enqueued_at, from_batch, kind, from_replica)
     VALUES (?, ?, ?, ?, 0, 0, ?, ?, 'QUEUED', 0, ?, ?, 0, 'TAGS', ?)`,
  ).run(
    task.sourceBucketId,
    task.key,
    task.versionId,
    task.sourceSeq,
    task.destinationBucket,
    task.ruleId,
    task.notBefore,
    task.enqueuedAt,
    task.fromReplica ? 1 : 0,
  );
  refreshGroupReadiness(db, task);
}

/** Destinations an OBJECT task of this version went to or is going to (not those that failed). */
export function objectTaskDestinations(
  db: MetadataDb,
  sourceBucketId: number,
  key: string,
  versionId: string,
): { destinationBucket: string; ruleId: string | null }[] {
  return db
    .prepare<[number, string, string], { destination_bucket: string; rule_id: string | null }>(
      `SELECT destination_bucket, rule_id FROM replication_tasks
       WHERE source_bucket_id = ? AND key = ? AND version_id = ? AND kind = 'OBJECT' AND state <> 'FAILED' ORDER BY id`,
    )
    .all(sourceBucketId, key, versionId)
    .map((row) => ({ destinationBucket: row.destination_bucket, ruleId: row.rule_id }));
}

/** Whether a version already had a change replicated from it as a replica (its status may no longer say REPLICA). */
export function hasReplicaTasks(db: MetadataDb, sourceBucketId: number, key: string, versionId: string): boolean {
  return (
    db
      .prepare<[number, string, string], { one: number }>(
        `SELECT 1 AS one FROM replication_tasks WHERE source_bucket_id = ? AND key = ? AND version_id = ? AND from_replica = 1 LIMIT 1`,
      )
      .get(sourceBucketId, key, versionId) !== undefined
  );
}

/**
 * Claims the next runnable task and marks it RUNNING. Per key and destination, tasks run one at a time and older
 * source versions first: only a group's ready task (see refreshGroupReadiness) can be claimed.
 */
export function claimNextTask(db: MetadataDb, now: number): ReplicationTask | undefined {
  return db.transaction(() => {
    const row = db
      .prepare<[number], TaskRow>(
        `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM}
         WHERE t.state = 'QUEUED' AND t.ready = 1 AND t.not_before <= ?
         ORDER BY t.not_before, t.id
         LIMIT 1`,
      )
      .get(now);
    if (!row) return undefined;
    db.prepare(`UPDATE replication_tasks SET state = 'RUNNING', ready = 0, attempts = attempts + 1 WHERE id = ?`).run(row.id);
    return toTask({ ...row, state: 'RUNNING', attempts: row.attempts + 1 });
  })();
}

/** The earliest not_before later than `after` among ready tasks (undefined when there is none). */
export function nextQueuedTime(db: MetadataDb, after: number): number | undefined {
  const row = db
    .prepare<[number], { next: number | null }>(
      `SELECT MIN(not_before) AS next FROM replication_tasks WHERE state = 'QUEUED' AND ready = 1 AND not_before > ?`,
    )
    .get(after);
  return row?.next ?? undefined;
}

export function openTaskCount(db: MetadataDb): number {
  return (
    db
      .prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM replication_tasks WHERE state IN ('QUEUED', 'RUNNING')`)
      .get()?.n ?? 0
  );
}

export function finishTask(
  db: MetadataDb,
  id: number,
  outcome: { state: 'COMPLETED' } | { state: 'FAILED'; reason: string; detail: string | null },
  now: number,
): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE replication_tasks SET state = ?, ready = 0, finished_at = ?, failure_reason = ?, failure_detail = ? WHERE id = ?`,
    ).run(
      outcome.state,
      now,
      outcome.state === 'FAILED' ? outcome.reason : null,
      outcome.state === 'FAILED' ? outcome.detail : null,
      id,
    );
    const group = groupOf(db, id);
    if (group) refreshGroupReadiness(db, group);
  })();
}

export function retryTaskLater(db: MetadataDb, id: number, notBefore: number, detail: string): void {
  db.transaction(() => {
    db.prepare(`UPDATE replication_tasks SET state = 'QUEUED', not_before = ?, failure_detail = ? WHERE id = ?`).run(
      notBefore,
      detail,
      id,
    );
    const group = groupOf(db, id);
    if (group) refreshGroupReadiness(db, group);
  })();
}

/** Start-up: tasks a crash left RUNNING go back to the queue (their write is idempotent); readiness is recomputed. */
export function requeueRunningTasks(db: MetadataDb): number {
  const requeued = db.prepare(`UPDATE replication_tasks SET state = 'QUEUED' WHERE state = 'RUNNING'`).run().changes;
  refreshAllReadiness(db);
  return requeued;
}

/** Queued tasks never attempted yet, with the regions of their source and destination (for re-timing). */
export function unattemptedTaskRegions(
  db: MetadataDb,
): { id: number; enqueuedAt: number; sourceRegion: string; destinationRegion: string | null }[] {
  return db
    .prepare<[], { id: number; enqueued_at: number; source_region: string; destination_region: string | null }>(
      `SELECT t.id, t.enqueued_at, s.region AS source_region, d.region AS destination_region
       FROM replication_tasks t JOIN buckets s ON s.id = t.source_bucket_id
       LEFT JOIN buckets d ON d.name = t.destination_bucket
       WHERE t.state = 'QUEUED' AND t.attempts = 0`,
    )
    .all()
    .map((row) => ({
      id: row.id,
      enqueuedAt: row.enqueued_at,
      sourceRegion: row.source_region,
      destinationRegion: row.destination_region,
    }));
}

export function setTaskNotBefore(db: MetadataDb, id: number, notBefore: number): void {
  db.prepare('UPDATE replication_tasks SET not_before = ? WHERE id = ?').run(notBefore, id);
}

/**
 * The source version's status from its tasks, counting for each destination its OBJECT task and its latest TAGS
 * task: PENDING while any is open, then FAILED when any failed (with the first failure's reason), else COMPLETED —
 * or REPLICA again for a replica whose change went back to its origin. Undefined when it has no tasks.
 */
export function aggregateVersionStatus(
  db: MetadataDb,
  sourceBucketId: number,
  key: string,
  versionId: string,
): { status: ReplicationStatus; reason: string | null; fromReplica: boolean } | undefined {
  const rows = db
    .prepare<[number, string, string], { state: TaskState; failure_reason: string | null; from_replica: number }>(
      `SELECT t.state, t.failure_reason, t.from_replica FROM replication_tasks t
       WHERE t.source_bucket_id = ? AND t.key = ? AND t.version_id = ?
         AND t.id = (SELECT MAX(o.id) FROM replication_tasks o
                     WHERE o.source_bucket_id = t.source_bucket_id AND o.key = t.key AND o.version_id = t.version_id
                       AND o.destination_bucket = t.destination_bucket AND o.kind = t.kind)
       ORDER BY t.id`,
    )
    .all(sourceBucketId, key, versionId);
  if (rows.length === 0) return undefined;
  const fromReplica = rows.some((row) => row.from_replica === 1);
  if (rows.some((row) => row.state === 'QUEUED' || row.state === 'RUNNING')) return { status: 'PENDING', reason: null, fromReplica };
  const failed = rows.find((row) => row.state === 'FAILED');
  if (failed) return { status: 'FAILED', reason: failed.failure_reason, fromReplica };
  return { status: fromReplica ? 'REPLICA' : 'COMPLETED', reason: null, fromReplica };
}

/**
 * Writes the aggregate status onto the source version row (no-op when the version is gone). A replica's row
 * changes only through its own (replica modification sync) tasks.
 */
export function refreshVersionStatus(db: MetadataDb, sourceBucketId: number, key: string, versionId: string): void {
  db.transaction(() => {
    const aggregate = aggregateVersionStatus(db, sourceBucketId, key, versionId);
    if (!aggregate) return;
    db.prepare(
      `UPDATE object_versions SET replication_status = ?, replication_failure_reason = ?
       WHERE bucket_id = ? AND key = ? AND version_id = ?
         AND (? = 1 OR replication_status IS NULL OR replication_status <> 'REPLICA')`,
    ).run(aggregate.status, aggregate.reason, sourceBucketId, key, versionId, aggregate.fromReplica ? 1 : 0);
  })();
}
