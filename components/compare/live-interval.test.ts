import { describe, expect, it } from 'vitest';
import type { CompareView } from '@/lib/compare/jobs/view';
import { emptySummary } from '@/lib/compare/summary';
import { IDLE_POLL_MS, nextPollMs, RUNNING_POLL_MS } from './live-interval';

function view(state: CompareView['state'], pending: number, refreshing = false): CompareView {
  const summary = emptySummary();
  summary.counts.pending = pending;
  return {
    jobId: 'j',
    state,
    refreshing,
    startedAt: 0,
    target: { sourceBucket: 's', sourceRegion: 'r', destinationBucket: 'd', destinationRegion: 'r', prefix: '', mode: 'current' },
    summary,
    window: { offset: 0, limit: 100, total: 0, rows: [] },
  };
}

describe('nextPollMs', () => {
  it('polls quickly while a comparison runs or refreshes', () => {
    expect(nextPollMs(undefined, { pending: 0, delay: IDLE_POLL_MS }).delay).toBe(RUNNING_POLL_MS);
    expect(nextPollMs(view('running', 0), { pending: 0, delay: IDLE_POLL_MS }).delay).toBe(RUNNING_POLL_MS);
    expect(nextPollMs(view('done', 3, true), { pending: 3, delay: 4000 }).delay).toBe(RUNNING_POLL_MS);
  });

  it('backs off while the same objects stay pending, and starts over when the count changes', () => {
    let state = { pending: 0, delay: IDLE_POLL_MS };
    const delays: number[] = [];
    for (const pending of [2, 2, 2, 2, 2, 1, 1]) {
      state = nextPollMs(view('done', pending), state);
      delays.push(state.delay);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 1000, 2000]);
  });

  it('keeps a slow idle poll so new uploads still appear', () => {
    expect(nextPollMs(view('done', 0), { pending: 2, delay: 8000 })).toEqual({ pending: 0, delay: IDLE_POLL_MS });
  });
});
