import { describe, expect, it } from 'vitest';
import type { PhaseResult } from './load';
import { checkTarget, endpointTargets } from './targets';

function phase(name: string, opsPerSecond: number, extra: Partial<PhaseResult> = {}): PhaseResult {
  return {
    phase: name,
    operations: 100,
    errors: 0,
    wallSeconds: 100 / opsPerSecond,
    opsPerSecond,
    latency: { count: 100, p50Ms: 1, p99Ms: 2, maxMs: 3 },
    ...extra,
  };
}

describe('checkTarget', () => {
  it('compares in the stated direction and is undecided without a measurement', () => {
    expect(checkTarget('x', 2.5, 'at-least', 2).met).toBe(true);
    expect(checkTarget('x', 1.9, 'at-least', 2).met).toBe(false);
    expect(checkTarget('lag', 60, 'at-most', 50).met).toBe(false);
    expect(checkTarget('lag', undefined, 'at-most', 50).met).toBeUndefined();
  });
});

describe('endpointTargets', () => {
  it('computes ours/peer ratios for the peers present only', () => {
    const targets = endpointTargets(
      [
        { server: 'embedded', phases: [phase('put-small', 900), phase('get-small', 3000)] },
        { server: 'moto', phases: [phase('put-small', 300), phase('get-small', 1200)] },
      ],
      'embedded',
    );
    const put = targets.find((t) => t.target === 'put-small ops/s embedded/moto');
    const get = targets.find((t) => t.target === 'get-small ops/s embedded/moto');
    expect(put).toMatchObject({ measured: 3, met: true });
    expect(get).toMatchObject({ measured: 2.5, met: false });
    expect(targets.some((t) => t.target.includes('s3rver'))).toBe(false);
  });

  it('leaves a target undecided when either side had errors', () => {
    const [put] = endpointTargets(
      [
        { server: 'embedded', phases: [phase('put-small', 900)] },
        { server: 'moto', phases: [phase('put-small', 300, { errors: 3 })] },
      ],
      'embedded',
    );
    expect(put.met).toBeUndefined();
  });
});
