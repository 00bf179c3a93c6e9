import type { Comparison } from '../compare';
import type { ResolvedCompare } from '../s3/resolve';
import { emptySummary } from '../summary';
import type { CompareRow, CompareSummary } from '../types';
import { MAX_WINDOW, type RowFilter } from './view';

/** Rows a job keeps for the page (about 200 bytes each); beyond it only the counters grow. */
export const MAX_ROWS_KEPT = 1_000_000;

/**
 * One comparison running on the server: consumes the streaming comparison, keeps its rows for windowed reads
 * (the browser only ever fetches a page of them) and its running summary.
 */
export class CompareJob {
  readonly startedAt = Date.now();
  finishedAt: number | undefined;
  state: 'running' | 'done' | 'failed' = 'running';
  error: { code: string; message: string } | undefined;
  summary: CompareSummary = emptySummary();
  lastReadAt = Date.now();
  private readonly rows: CompareRow[] = [];
  private readonly controller = new AbortController();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly target: ResolvedCompare,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs the comparison to its end (never rejects: a failure is recorded on the job). */
  async run(comparison: Comparison, describeError: (error: unknown) => { code: string; message: string }): Promise<void> {
    this.summary = comparison.summary;
    try {
      for await (const row of comparison.rows) {
        if (this.rows.length < MAX_ROWS_KEPT) this.rows.push(row);
        if (this.rows.length % 256 === 0) this.notify();
      }
      this.state = 'done';
    } catch (error) {
      this.state = 'failed';
      this.error = describeError(error);
    } finally {
      this.finishedAt = Date.now();
      this.notify();
    }
  }

  abort(): void {
    this.controller.abort();
  }

  /** Rows matching `filter`, `offset`..`offset + limit`, and how many match in all. */
  window(filter: RowFilter, offset: number, limit: number): { total: number; rows: CompareRow[] } {
    this.lastReadAt = Date.now();
    const matching = this.filtered(filter);
    const size = Math.max(0, Math.min(limit, MAX_WINDOW));
    return { total: matching.length, rows: matching.slice(offset, offset + size) };
  }

  filtered(filter: RowFilter): CompareRow[] {
    const classes = filter.classes && filter.classes.length > 0 ? new Set(filter.classes) : undefined;
    const needle = filter.search?.toLowerCase();
    if (!classes && !needle) return this.rows;
    return this.rows.filter((row) => (!classes || classes.has(row.class)) && (!needle || row.key.toLowerCase().includes(needle)));
  }

  /** Rows as they arrive, from the first, until the job ends (for streaming exports). */
  async *follow(filter: RowFilter): AsyncGenerator<CompareRow> {
    let index = 0;
    const classes = filter.classes && filter.classes.length > 0 ? new Set(filter.classes) : undefined;
    const needle = filter.search?.toLowerCase();
    for (;;) {
      while (index < this.rows.length) {
        const row = this.rows[index];
        index += 1;
        if ((!classes || classes.has(row.class)) && (!needle || row.key.toLowerCase().includes(needle))) yield row;
      }
      if (this.state !== 'running') return;
      await new Promise<void>((resolve) => {
        const listener = () => {
          this.listeners.delete(listener);
          resolve();
        };
        this.listeners.add(listener);
      });
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
