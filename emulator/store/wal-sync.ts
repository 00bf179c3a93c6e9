import { closeSync, fdatasync, openSync } from 'node:fs';

/** Flushes the SQLite write-ahead log to disk. */
export type WalFlush = () => Promise<void>;

/**
 * The WAL file, opened once and flushed with fdatasync (as SQLite itself syncs it). SQLite reuses the same file
 * while the database is open (a checkpoint rewinds it, it is not replaced), so one descriptor serves every flush;
 * opening and closing it for each flush cost more main-thread time than the flush. A WAL that does not exist yet
 * has nothing to flush.
 */
export class WalFile {
  private fd: number | undefined;
  private inFlight = 0;
  private closing = false;

  constructor(private readonly file: string) {}

  readonly flush: WalFlush = () => {
    if (this.closing) return Promise.reject(new Error('the metadata store is closed'));
    if (this.fd === undefined) {
      try {
        this.fd = openSync(this.file, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve();
        return Promise.reject(error as Error);
      }
    }
    const fd = this.fd;
    this.inFlight += 1;
    return new Promise((resolve, reject) => {
      fdatasync(fd, (error) => {
        this.inFlight -= 1;
        if (this.closing && this.inFlight === 0) this.release();
        if (error) reject(error);
        else resolve();
      });
    });
  };

  /** Closes the descriptor once no flush is using it. */
  close(): void {
    this.closing = true;
    if (this.inFlight === 0) this.release();
  }

  private release(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
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
