import { randomUUID } from 'node:crypto';
import type { Comparison } from '../compare';
import type { CompareRequest, ResolvedCompare } from '../s3/resolve';
import { CompareJob } from './compare-job';

/** Jobs not read for this long are dropped (with their rows). */
export const IDLE_JOB_TTL_MS = 10 * 60 * 1000;
const MAX_JOBS = 32;

export function requestKey(request: CompareRequest): string {
  return JSON.stringify([request.source, request.destination ?? null, request.ruleId ?? null, request.mode]);
}

interface Slot {
  /** The latest finished (or failed) job: what the page shows. */
  settled?: CompareJob;
  /** A newer job of the same request, still running. */
  running?: CompareJob;
  /** The result `settled` replaced, kept for exports and paging started just before. */
  previous?: CompareJob;
}

export interface StartJob {
  resolve: () => Promise<ResolvedCompare>;
  compare: (resolved: ResolvedCompare, signal: AbortSignal) => Comparison;
  describeError: (error: unknown) => { code: string; message: string };
}

/**
 * In-process registry of compare jobs, one slot per request: the page reads the last complete result while a
 * fresher comparison of the same buckets runs (stale-while-revalidate), so live refreshes never blank the table.
 */
export class CompareJobRegistry {
  private readonly slots = new Map<string, Slot>();
  private readonly byId = new Map<string, CompareJob>();

  get(id: string): CompareJob | undefined {
    return this.byId.get(id);
  }

  /**
   * The job to show for `request`, starting one when there is none or the last one finished more than
   * `maxAgeMs` ago. Returns the job and whether a newer one is on its way.
   */
  async current(request: CompareRequest, maxAgeMs: number, start: StartJob): Promise<{ job: CompareJob; refreshing: boolean }> {
    this.sweep();
    const key = requestKey(request);
    const slot = this.slots.get(key) ?? {};
    this.slots.set(key, slot);
    if (slot.running && slot.running.state !== 'running') {
      // The replaced result stays readable until the next replacement: a page may still export or page through it.
      if (slot.previous) this.byId.delete(slot.previous.id);
      slot.previous = slot.settled;
      slot.settled = slot.running;
      slot.running = undefined;
    }
    // A long comparison is not redone more often than every two of its durations, whatever the page asks.
    const settled = slot.settled;
    const minAge = settled ? Math.max(maxAgeMs, 2 * ((settled.finishedAt ?? 0) - settled.startedAt)) : 0;
    const stale = !settled || Date.now() - (settled.finishedAt ?? 0) > minAge;
    if (stale && !slot.running) slot.running = await this.launch(start);
    const shown = slot.settled ?? slot.running;
    if (!shown) throw new Error('unreachable: a job was just launched');
    return { job: shown, refreshing: shown !== slot.running && slot.running !== undefined };
  }

  private async launch(start: StartJob): Promise<CompareJob> {
    const resolved = await start.resolve();
    const job = new CompareJob(randomUUID(), resolved);
    this.byId.set(job.id, job);
    void job.run(start.compare(resolved, job.signal), start.describeError);
    return job;
  }

  private sweep(): void {
    const now = Date.now();
    const jobs = [...this.byId.values()].sort((a, b) => a.lastReadAt - b.lastReadAt);
    for (const job of jobs) {
      const idle = now - job.lastReadAt > IDLE_JOB_TTL_MS;
      if (idle || this.byId.size > MAX_JOBS) {
        job.abort();
        this.byId.delete(job.id);
        const slot = this.slots.get(requestKey(job.target.request));
        if (slot?.settled === job) slot.settled = undefined;
        if (slot?.running === job) slot.running = undefined;
        if (slot?.previous === job) slot.previous = undefined;
      }
    }
  }
}
