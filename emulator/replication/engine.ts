import type { Logger } from '../http/types';
import { writeReplica } from '../store/replication-replica';
import {
  claimNextTask,
  finishTask,
  nextQueuedTime,
  openTaskCount,
  refreshVersionStatus,
  requeueRunningTasks,
  retryTaskLater,
  setTaskNotBefore,
  unattemptedTaskRegions,
  type ReplicationTask,
} from '../store/replication-tasks';
import type { Store } from '../store/store';
import { applyTask, type ReplicaWriter } from './apply-task';
import { replicationTagsHook } from './tags-hook';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff';
import { regionPairDelay, type DelayPolicy } from './delays';
import { ReplicationFailure } from './failure-reasons';
import { iamRoleResolver, type RoleResolver } from './role-access';
import { replicationVersionHook } from './version-hook';
import { refuseSuspendWithReplication } from './versioning-guard';

export interface ReplicationEngineOptions {
  store: Store;
  logger: Logger;
  /** One delay for every region pair (EMULATOR_REPLICATION_DELAY_MS); default: the region-pair table. */
  delayMs?: number;
  /** Workers copying at the same time. */
  concurrency?: number;
  retry?: RetryPolicy;
  /** Injection points for tests; default to the embedded IAM service and the store's replica writer. */
  resolveRole?: RoleResolver;
  writeReplica?: ReplicaWriter;
  now?: () => number;
}

const DEFAULT_CONCURRENCY = 8;
const engines = new WeakMap<Store, ReplicationEngine>();

/** The engine running on a store (admin routes reach it this way). */
export function replicationEngineFor(store: Store): ReplicationEngine | undefined {
  return engines.get(store);
}

/**
 * Asynchronous replication (the backbeat design): the version hook queues durable tasks in the version's own
 * transaction; workers claim them in order per key, copy, and record COMPLETED / FAILED on the source version.
 */
export class ReplicationEngine {
  readonly delay: DelayPolicy;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly concurrency: number;
  private readonly retry: RetryPolicy;
  private readonly resolveRole: RoleResolver;
  private readonly writer: ReplicaWriter;
  readonly now: () => number;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt: number | undefined;
  private wakeScheduled = false;
  private stopped = true;
  private unregisterHook: (() => void) | undefined;
  private drainWaiters: (() => void)[] = [];

  constructor(options: ReplicationEngineOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.delay = regionPairDelay(options.delayMs);
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.resolveRole = options.resolveRole ?? iamRoleResolver(options.store);
    this.writer = options.writeReplica ?? writeReplica;
    this.now = options.now ?? Date.now;
  }

  /** Registers the hook, re-queues what a crash left running, re-times unattempted tasks, starts the workers. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    engines.set(this.store, this);
    refuseSuspendWithReplication(this.store);
    const queueing = { delay: this.delay, now: this.now, onQueued: () => this.wake() };
    const unregisterVersionHook = this.store.onVersionCreated(replicationVersionHook(queueing));
    const unregisterTagsHook = this.store.onTagsChanged(replicationTagsHook(queueing));
    this.unregisterHook = () => {
      unregisterVersionHook();
      unregisterTagsHook();
    };
    const db = this.store.db;
    db.transaction(() => {
      const requeued = requeueRunningTasks(db);
      if (requeued > 0) this.logger.info('replication: re-queued interrupted tasks', { requeued });
      // The simulated delay is applied with the current settings, not those of the run that queued the task.
      for (const task of unattemptedTaskRegions(db)) {
        setTaskNotBefore(db, task.id, task.enqueuedAt + this.delay(task.sourceRegion, task.destinationRegion ?? undefined));
      }
    })();
    this.pump();
  }

  /** Stops claiming tasks and waits for the copies in flight; queued tasks stay in the database. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unregisterHook?.();
    this.clearTimer();
    await Promise.allSettled([...this.running]);
    if (engines.get(this.store) === this) engines.delete(this.store);
    this.resolveDrainWaiters();
  }

  /** Looks for runnable tasks soon (after the current transaction, when called from inside one). */
  wake(): void {
    if (this.wakeScheduled || this.stopped) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.pump();
    });
  }

  /** Resolves when no task is queued or running (or the engine is stopped). */
  drain(): Promise<void> {
    if (this.stopped || this.isIdle()) return Promise.resolve();
    const drained = new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    this.wake();
    return drained;
  }

  private isIdle(): boolean {
    return this.running.size === 0 && openTaskCount(this.store.db) === 0;
  }

  private pump(): void {
    if (this.stopped) return;
    try {
      // One clock reading for claiming and for the timer: a task that becomes due in between is then still timed.
      const now = this.now();
      while (this.running.size < this.concurrency) {
        const task = claimNextTask(this.store.db, now);
        if (!task) break;
        const run = this.run(task).finally(() => {
          this.running.delete(run);
          this.pump();
        });
        this.running.add(run);
      }
      this.scheduleTimer(now);
      if (this.isIdle()) this.resolveDrainWaiters();
    } catch (error) {
      this.logger.error('replication: scheduling failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }

  /** Runs one task and records its outcome; never rejects (a bookkeeping error is logged, the task re-runs at start). */
  private async run(task: ReplicationTask): Promise<void> {
    try {
      const outcome = await this.attempt(task);
      const db = this.store.db;
      // One transaction: a crash between the task's outcome and the version's status would leave the version
      // PENDING with no open task to ever complete it.
      db.transaction(() => {
        if (outcome.state === 'RETRY') retryTaskLater(db, task.id, outcome.notBefore, outcome.detail);
        else finishTask(db, task.id, outcome, this.now());
        refreshVersionStatus(db, task.sourceBucketId, task.key, task.versionId);
      })();
    } catch (error) {
      this.logger.error('replication: recording a task outcome failed', {
        task: task.id,
        error: error instanceof Error ? error.stack : String(error),
      });
    }
  }

  private async attempt(
    task: ReplicationTask,
  ): Promise<
    | { state: 'COMPLETED' }
    | { state: 'FAILED'; reason: string; detail: string | null }
    | { state: 'RETRY'; notBefore: number; detail: string }
  > {
    try {
      await applyTask(task, { store: this.store, resolveRole: this.resolveRole, writeReplica: this.writer });
      return { state: 'COMPLETED' };
    } catch (error) {
      if (error instanceof ReplicationFailure) return { state: 'FAILED', reason: error.reason, detail: error.message };
      const detail = error instanceof Error ? error.message : String(error);
      if (task.attempts >= this.retry.maxAttempts) {
        this.logger.warn('replication: giving up after temporary failures', { task: task.id, detail });
        return { state: 'FAILED', reason: 'InternalError', detail };
      }
      return { state: 'RETRY', notBefore: this.now() + retryDelayMs(this.retry, task.attempts), detail };
    }
  }

  /** A timer for the next task that becomes due (delay or backoff); tasks blocked behind a running one wait for it. */
  private scheduleTimer(now: number): void {
    const next = nextQueuedTime(this.store.db, now);
    if (next === undefined) {
      this.clearTimer();
      return;
    }
    if (this.timer && this.timerAt === next) return;
    this.clearTimer();
    this.timerAt = next;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = undefined;
      this.pump();
    }, Math.max(0, next - this.now()));
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = undefined;
  }

  private resolveDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
