import { describe, expect, it } from 'vitest';
import { runOpenLoop } from './pacing';

describe('runOpenLoop', () => {
  it('starts requests at the given rate without waiting for earlier ones', async () => {
    const startedAt: number[] = [];
    const result = await runOpenLoop({
      rate: 200,
      seconds: 0.25,
      async fire() {
        startedAt.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 40)); // much longer than the 5 ms interval
      },
    });
    expect(result.sent).toBe(50);
    expect(startedAt).toHaveLength(50);
    const spread = startedAt[startedAt.length - 1] - startedAt[0];
    expect(spread).toBeGreaterThan(200);
    expect(spread).toBeLessThan(400);
    expect(result.achievedRate).toBeGreaterThan(100);
  });

  it('does not count failed requests as achieved', async () => {
    const result = await runOpenLoop({ rate: 1000, seconds: 0.01, fire: async () => Promise.reject(new Error('refused')) });
    expect(result.sent).toBe(10);
    expect(result.achievedRate).toBe(0);
  });
});
