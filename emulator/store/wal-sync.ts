import { open } from 'node:fs/promises';

/** Flushes the SQLite write-ahead log to disk. */
export type WalFlush = () => Promise<void>;

/** fsync of the WAL file; a missing WAL (never written, or checkpointed away and removed) has nothing to flush. */
export function fsyncFile(file: string): WalFlush {
  return async () => {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
}

/**
 * Group commit for the metadata database. Commits run with `synchronous = NORMAL` (written to the WAL, not yet
 * fsynced, so a commit no longer blocks the event loop on the disk); `durable()` resolves once an fsync of the WAL
 * that started after the caller's commits has completed. Callers arriving while an fsync is in flight share the
 * next one, so N concurrent writes cost about two fsyncs instead of N. The WAL is a sequential log, so an fsync
 * also makes every earlier commit durable; blob files are still fsynced before the commit that references them.
 */
export class WalSync {
  private syncedChanges = 0;
  private inFlight: { promise: Promise<void>; changes: number } | undefined;
  private next: Promise<void> | undefined;

  constructor(
    /** A counter that grows with every committed change (SQLite's total_changes()). */
    private readonly changes: () => number,
    private readonly flush: WalFlush,
  ) {}

  /** Resolves when every change committed before this call is on disk. */
  durable(): Promise<void> {
    const needed = this.changes();
    if (needed <= this.syncedChanges) return Promise.resolve();
    if (this.inFlight && this.inFlight.changes >= needed) return this.inFlight.promise;
    this.next ??= (this.inFlight?.promise ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<void> {
    const changes = this.changes();
    const promise = this.flush()
      .then(() => {
        this.syncedChanges = Math.max(this.syncedChanges, changes);
      })
      .finally(() => {
        if (this.inFlight?.promise === promise) this.inFlight = undefined;
      });
    this.inFlight = { promise, changes };
    return promise;
  }
}
