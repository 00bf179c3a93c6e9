import type { CompareRow } from '@/lib/compare/types';
import { concurrencyLimit } from '@/lib/compare/limit';
import { selectRow } from './select';
import type { Copier, CopyItem, CopyJobRequest, CopyJobState, CopyJobView, CopyMethod, CopyOutcome } from './types';

const MAX_FAILURES_KEPT = 100;

export interface CopyJobTarget {
  sourceBucket: string;
  destinationBucket: string;
}

/**
 * A server-side copy of what a rule matches and its destination lacks: first collects the items from the rule's
 * comparison (reporting what it skips and why), then copies them with bounded concurrency. Cancel stops new
 * copies; copies in flight finish.
 */
export class CopyJob {
  readonly startedAt = Date.now();
  private state: CopyJobState = 'finding';
  private error: { code: string; message: string } | undefined;
  private finishedAt: number | undefined;
  private copyStartedAt: number | undefined;
  private readonly items: CopyItem[] = [];
  private readonly total = { objects: 0, bytes: 0 };
  private readonly done = { objects: 0, bytes: 0 };
  private copied = 0;
  private failed = 0;
  private skipped = 0;
  private readonly skippedReasons: CopyJobView['skippedReasons'] = {};
  private readonly failures: CopyJobView['failures'] = [];
  private readonly controller = new AbortController();

  constructor(
    readonly id: string,
    readonly request: CopyJobRequest,
    readonly method: CopyMethod,
    readonly target: CopyJobTarget,
    private readonly copier: Copier,
    private readonly concurrency = 8,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isActive(): boolean {
    return this.state === 'finding' || this.state === 'copying';
  }

  cancel(): void {
    if (this.isActive) this.controller.abort();
  }

  /** Runs the job to its end; never rejects (a failure is recorded on the job). */
  async run(rows: AsyncIterable<CompareRow>, describeError: (error: unknown) => { code: string; message: string }): Promise<void> {
    try {
      for await (const row of rows) {
        if (this.signal.aborted) break;
        this.collect(row);
      }
      if (!this.signal.aborted) await this.copyAll();
      this.state = this.signal.aborted ? 'cancelled' : 'completed';
    } catch (error) {
      this.state = this.signal.aborted ? 'cancelled' : 'failed';
      if (!this.signal.aborted) this.error = describeError(error);
    } finally {
      this.finishedAt = Date.now();
    }
  }

  private collect(row: CompareRow): void {
    const selection = selectRow(row, this.request.kind);
    if (!selection) return;
    if ('skip' in selection) {
      this.recordSkip(selection.skip);
      return;
    }
    this.items.push(selection.copy);
    this.total.objects += 1;
    this.total.bytes += selection.copy.size;
  }

  private recordSkip(reason: { code: string; message: string }): void {
    this.skipped += 1;
    const entry = (this.skippedReasons[reason.code] ??= { count: 0, message: reason.message });
    entry.count += 1;
  }

  private async copyAll(): Promise<void> {
    this.state = 'copying';
    this.copyStartedAt = Date.now();
    const limit = concurrencyLimit(this.concurrency);
    await Promise.all(
      this.items.map((item) =>
        limit(async () => {
          if (this.signal.aborted) return;
          const outcome = await this.copier(item, this.signal).catch(
            (error: unknown): CopyOutcome => ({
              status: 'failed',
              code: error instanceof Error ? error.name : 'Error',
              message: error instanceof Error ? error.message : String(error),
            }),
          );
          this.record(item, outcome);
        }),
      ),
    );
  }

  private record(item: CopyItem, outcome: CopyOutcome): void {
    this.done.objects += 1;
    this.done.bytes += item.size;
    if (outcome.status === 'copied') this.copied += 1;
    else if (outcome.status === 'skipped') this.recordSkip(outcome);
    else {
      this.failed += 1;
      if (this.failures.length < MAX_FAILURES_KEPT) {
        this.failures.push({ key: item.key, versionId: item.versionId, code: outcome.code, message: outcome.message });
      }
    }
  }

  view(now = Date.now()): CopyJobView {
    const elapsedSeconds = this.copyStartedAt === undefined ? 0 : ((this.finishedAt ?? now) - this.copyStartedAt) / 1000;
    const rate = {
      bytesPerSecond: elapsedSeconds > 0 ? this.done.bytes / elapsedSeconds : 0,
      objectsPerSecond: elapsedSeconds > 0 ? this.done.objects / elapsedSeconds : 0,
    };
    const left = this.total.objects - this.done.objects;
    const etaSeconds =
      this.state === 'copying' && rate.objectsPerSecond > 0
        ? Math.max(
            left / rate.objectsPerSecond,
            rate.bytesPerSecond > 0 ? (this.total.bytes - this.done.bytes) / rate.bytesPerSecond : 0,
          )
        : undefined;
    return {
      id: this.id,
      request: this.request,
      method: this.method,
      sourceBucket: this.target.sourceBucket,
      destinationBucket: this.target.destinationBucket,
      state: this.state,
      ...(this.error ? { error: this.error } : {}),
      startedAt: this.startedAt,
      ...(this.finishedAt === undefined ? {} : { finishedAt: this.finishedAt }),
      total: { ...this.total },
      done: { ...this.done },
      copied: this.copied,
      skipped: this.skipped,
      failed: this.failed,
      rate,
      ...(etaSeconds === undefined ? {} : { etaSeconds }),
      skippedReasons: structuredClone(this.skippedReasons),
      failures: [...this.failures],
      failuresTruncated: this.failed > this.failures.length,
    };
  }
}
