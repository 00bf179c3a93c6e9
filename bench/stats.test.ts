import { describe, expect, it } from 'vitest';
import { cpuShare, median, percentile, ratio, summarizeLatencies } from './stats';

describe('median', () => {
  it('takes the middle value of unsorted values, the upper one of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBeNaN();
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });

  it('is NaN without values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarizeLatencies', () => {
  it('sorts before ranking', () => {
    expect(summarizeLatencies([5, 1, 3, 2, 4])).toEqual({ count: 5, p50Ms: 3, p99Ms: 5, maxMs: 5 });
  });
});

describe('ratio and cpuShare', () => {
  it('divides ours by the peer and refuses missing or zero peers', () => {
    expect(ratio(300, 100)).toBe(3);
    expect(ratio(300, 0)).toBeUndefined();
    expect(ratio(undefined, 100)).toBeUndefined();
    expect(ratio(Number.NaN, 100)).toBeUndefined();
  });

  it('expresses CPU seconds as a share of one core', () => {
    expect(cpuShare(1.5, 2)).toBe(0.75);
    expect(cpuShare(undefined, 2)).toBeUndefined();
  });
});
