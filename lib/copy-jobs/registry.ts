import type { CopyJob } from './copy-job';

const FINISHED_TTL_MS = 60 * 60 * 1000;
const MAX_JOBS = 50;

/** In-process registry of copy jobs by id: a job outlives the page that started it, and any tab can follow it. */
export class CopyJobRegistry {
  private readonly jobs = new Map<string, { job: CopyJob; addedAt: number }>();

  add(job: CopyJob): void {
    this.sweep();
    this.jobs.set(job.id, { job, addedAt: Date.now() });
  }

  get(id: string): CopyJob | undefined {
    return this.jobs.get(id)?.job;
  }

  /** Jobs of one rule, newest first. */
  ofRule(source: string, ruleId: string): CopyJob[] {
    return [...this.jobs.values()]
      .filter(({ job }) => job.request.source === source && job.request.ruleId === ruleId)
      .sort((a, b) => b.addedAt - a.addedAt)
      .map(({ job }) => job);
  }

  private sweep(): void {
    const now = Date.now();
    const entries = [...this.jobs.entries()].sort((a, b) => a[1].addedAt - b[1].addedAt);
    for (const [id, { job, addedAt }] of entries) {
      const expired = !job.isActive && now - addedAt > FINISHED_TTL_MS;
      if (expired || (!job.isActive && this.jobs.size >= MAX_JOBS)) this.jobs.delete(id);
    }
  }
}
