import { describe, expect, it } from 'vitest';
import { mergeSlices, runSlice } from './load';

describe('runSlice', () => {
  it('runs each index of the range once with bounded concurrency and counts failures', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const slice = await runSlice({
      from: 10,
      to: 30,
      concurrency: 4,
      async operation(index) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        seen.push(index);
        if (index % 10 === 5) throw new Error(`boom ${index}`);
      },
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 10));
    expect(maxInFlight).toBe(4);
    expect(slice.latenciesMs).toHaveLength(18);
    expect(slice.errors).toBe(2);
    expect(slice.firstError).toBe('Error: boom 15');
    expect(slice.wallSeconds).toBeGreaterThan(0);
  });
});

describe('mergeSlices', () => {
  it('sums wall time and CPU across slices and ranks all samples together', () => {
    const merged = mergeSlices(
      'put',
      [
        { latenciesMs: [1, 2, 3], errors: 0, wallSeconds: 1, clientCpuSeconds: 0.5, serverCpuSeconds: 0.25 },
        { latenciesMs: [4, 5, 6, 7], errors: 1, firstError: 'x', wallSeconds: 1, clientCpuSeconds: 0.5, serverCpuSeconds: 0.75 },
      ],
      1_000_000,
    );
    expect(merged).toMatchObject({ operations: 7, errors: 1, firstError: 'x', wallSeconds: 2, opsPerSecond: 3.5, megabytesPerSecond: 3.5 });
    expect(merged.latency).toMatchObject({ p50Ms: 4, maxMs: 7 });
    expect(merged.clientCpu).toBe(0.5);
    expect(merged.serverCpu).toBe(0.5);
  });

  it('leaves server CPU out when a slice could not read it', () => {
    const merged = mergeSlices('get', [{ latenciesMs: [1], errors: 0, wallSeconds: 1, clientCpuSeconds: 0.1 }]);
    expect(merged.serverCpu).toBeUndefined();
    expect(merged.megabytesPerSecond).toBeUndefined();
  });
});

describe('runSlice with a shared cursor', () => {
  it('runs each index once across several concurrent runs sharing the cursor', async () => {
    const cursor = new Int32Array(new SharedArrayBuffer(4));
    const seen: number[] = [];
    const operation = async (index: number) => {
      await new Promise((resolve) => setTimeout(resolve, index % 3));
      seen.push(index);
    };
    const slices = await Promise.all([0, 1, 2].map(() => runSlice({ from: 100, to: 160, concurrency: 3, sharedCursor: cursor, operation })));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 100));
    expect(slices.reduce((sum, slice) => sum + slice.latenciesMs.length, 0)).toBe(60);
  });
});
