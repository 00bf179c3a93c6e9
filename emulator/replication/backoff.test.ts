import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

const policy = { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retryDelayMs', () => {
  it('doubles the ceiling per attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => retryDelayMs(policy, attempt, () => 0.999999))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('waits at least half the ceiling (jitter only spreads the other half)', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(policy, attempt, () => 0))).toEqual([50, 100, 200]);
  });

  it('stays within [ceiling/2, ceiling] for any random value', () => {
    for (let i = 0; i < 100; i += 1) {
      const delay = retryDelayMs(policy, 3, Math.random);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });
});
