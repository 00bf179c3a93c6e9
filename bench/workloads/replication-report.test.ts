import { describe, expect, it } from 'vitest';
import type { LagResult } from './replication';
import { replicationTargets } from './replication-report';

const summary = (p99Ms: number) => ({ count: 10, p50Ms: p99Ms / 2, p99Ms, maxMs: p99Ms });

function lag(targetRate: number, overrides: Partial<LagResult> = {}): LagResult {
  return {
    targetRate,
    achievedRate: targetRate,
    puts: targetRate * 20,
    putErrors: 0,
    lag: summary(30),
    queueToCompleted: summary(40),
    notCompleted: 0,
    ...overrides,
  };
}

describe('replicationTargets', () => {
  it('holds lag p99 to the bound of its rate and the drain to 1,000 versions/s', () => {
    const targets = replicationTargets({
      lag: [lag(100), lag(500, { lag: summary(250) })],
      drain: { versions: 5000, versionsPerSecond: 1200, restartToLastSeconds: 5, notCompleted: 0, method: 'm' },
    });
    expect(targets.map((t) => [t.target, t.met])).toEqual([
      ['replication lag p99 ms at 100 PUT/s', true],
      ['replication lag p99 ms at 500 PUT/s', false],
      ['replication drain versions/s', true],
    ]);
  });

  it('fails a rate the endpoint did not sustain, however small the lag of the PUTs that got through', () => {
    const [target] = replicationTargets({ lag: [lag(500, { achievedRate: 120, putErrors: 300, lag: summary(0) })] });
    expect(target).toMatchObject({ target: 'replication lag p99 ms at 500 PUT/s (rate not sustained)', met: false });
  });

  it('is undecided when versions never completed', () => {
    const [target] = replicationTargets({ lag: [lag(100, { notCompleted: 3 })] });
    expect(target.met).toBeUndefined();
  });
});
