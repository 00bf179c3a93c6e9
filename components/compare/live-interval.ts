import type { CompareView } from '@/lib/compare/jobs/view';

export const RUNNING_POLL_MS = 600;
export const IDLE_POLL_MS = 5_000;
const PENDING_FIRST_MS = 1_000;
const PENDING_MAX_MS = 8_000;

/**
 * How soon to look again: quickly while a comparison runs, with backoff while objects are PENDING (reset whenever
 * the pending count changes), and slowly otherwise so new uploads still show up without a reload.
 */
export function nextPollMs(view: CompareView | undefined, previous: { pending: number; delay: number }): { pending: number; delay: number } {
  if (!view || view.state === 'running' || view.refreshing) return { pending: previous.pending, delay: RUNNING_POLL_MS };
  const pending = view.summary.counts.pending;
  if (pending === 0) return { pending, delay: IDLE_POLL_MS };
  if (pending !== previous.pending) return { pending, delay: PENDING_FIRST_MS };
  return { pending, delay: Math.min(previous.delay * 2, PENDING_MAX_MS) };
}
