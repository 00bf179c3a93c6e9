import { describe, expect, it } from 'vitest';
import { compareBuckets } from '../compare';
import type { ResolvedCompare } from '../s3/resolve';
import { entry, pagesOf } from '../testkit';
import type { ListedEntry } from '../types';
import { CompareJobRegistry } from './registry';

const request = { source: 'src', destination: 'dst', mode: 'current' as const };
const resolved: ResolvedCompare = {
  request,
  sourceBucket: 'src',
  sourceRegion: 'us-east-1',
  destinationBucket: 'dst',
  destinationRegion: 'us-east-1',
  prefix: '',
};

function starter(source: () => ListedEntry[], delayMs = 0) {
  let started = 0;
  return {
    get started() {
      return started;
    },
    start: {
      resolve: async () => {
        started += 1;
        return resolved;
      },
      compare: () =>
        compareBuckets({
          mode: 'current',
          sourceBucket: 'src',
          destinationBucket: 'dst',
          source: pagesOf(source(), 2, delayMs),
          destination: pagesOf([], 2, delayMs),
          lookup: async () => ({}),
        }),
      describeError: () => ({ code: 'X', message: 'x' }),
    },
  };
}

const settle = async (registry: CompareJobRegistry, id: string) => {
  for (let i = 0; i < 200 && registry.get(id)?.state === 'running'; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('CompareJobRegistry', () => {
  it('shows the last complete result while a fresher comparison runs, then the fresh one', async () => {
    const registry = new CompareJobRegistry();
    let keys = ['a', 'b', 'c'];
    const jobs = starter(() => keys.map((key) => entry(key)), 5);
    const first = await registry.current(request, 0, jobs.start);
    expect(first.refreshing).toBe(false);
    await settle(registry, first.job.id);
    expect(first.job.window({}, 0, 10).total).toBe(3);

    keys = ['a', 'b', 'c', 'd'];
    // A result is redone no sooner than two of its durations after it finished.
    const took = (first.job.finishedAt ?? 0) - first.job.startedAt;
    await new Promise((resolve) => setTimeout(resolve, 2 * took + 10));
    const during = await registry.current(request, 0, jobs.start);
    expect(during).toMatchObject({ job: first.job, refreshing: true });
    expect(jobs.started).toBe(2);

    for (let i = 0; i < 200; i += 1) {
      const view = await registry.current(request, 60_000, jobs.start);
      if (view.job !== first.job) {
        expect(view.job.window({}, 0, 10).total).toBe(4);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The replaced result can still be read (an export started from it).
    expect(registry.get(first.job.id)).toBe(first.job);
  });

  it('reuses a fresh result instead of comparing again', async () => {
    const registry = new CompareJobRegistry();
    const jobs = starter(() => [entry('a')]);
    const first = await registry.current(request, 60_000, jobs.start);
    await settle(registry, first.job.id);
    const again = await registry.current(request, 60_000, jobs.start);
    expect(again.job).toBe(first.job);
    expect(jobs.started).toBe(1);
  });

  it('filters, searches and windows rows; follow streams them to the end', async () => {
    const registry = new CompareJobRegistry();
    const jobs = starter(() => ['alpha', 'beta', 'gamma', 'ALPINE'].sort().map((key) => entry(key)));
    const { job } = await registry.current(request, 60_000, jobs.start);
    const followed: string[] = [];
    for await (const row of job.follow({ search: 'alp' })) followed.push(row.key);
    expect(followed).toEqual(['ALPINE', 'alpha']);
    expect(job.window({ classes: ['not-replicated'] }, 1, 2)).toMatchObject({ total: 4, rows: [{ key: 'alpha' }, { key: 'beta' }] });
    expect(job.window({ classes: ['replicated'] }, 0, 10)).toEqual({ total: 0, rows: [] });
  });
});
