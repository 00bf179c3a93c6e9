import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, QUICK_OPTIONS, UsageError, parseBenchArgs } from './options';

describe('parseBenchArgs', () => {
  it('gives the defaults without flags', () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_OPTIONS);
  });

  it('starts from the quick preset and lets flags override it', () => {
    const options = parseBenchArgs(['--quick', '--objects', '500', '--only', 'endpoint,compare', '--no-moto']);
    expect(options).not.toBe('help');
    if (options === 'help') return;
    expect(options.quick).toBe(true);
    expect(options.endpoint.objects).toBe(500);
    expect(options.endpoint.concurrency).toBe(QUICK_OPTIONS.endpoint.concurrency);
    expect(options.workloads).toEqual(['endpoint', 'compare']);
    expect(options.peers).toEqual({ moto: false, s3rver: true, ceiling: true });
  });

  it('reads lists and MiB sizes', () => {
    const options = parseBenchArgs(['--rates', '50,200', '--compare-keys', '10000,100000', '--large-size', '8']);
    if (options === 'help') throw new Error('unexpected help');
    expect(options.replication.rates).toEqual([50, 200]);
    expect(options.compareKeys).toEqual([10_000, 100_000]);
    expect(options.endpoint.largeSize).toBe(8 * 1024 * 1024);
  });

  it('refuses bad values and unknown workloads with a usage error', () => {
    expect(() => parseBenchArgs(['--objects', 'many'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--objects', '0'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--rates', '100,,5'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--only', 'endpoint,disk'])).toThrow(/unknown workload/);
    expect(() => parseBenchArgs(['--frobnicate'])).toThrow();
  });

  it('allows zero large objects (skips those phases)', () => {
    const options = parseBenchArgs(['--large-objects', '0']);
    if (options === 'help') throw new Error('unexpected help');
    expect(options.endpoint.largeObjects).toBe(0);
  });

  it('returns help', () => {
    expect(parseBenchArgs(['--help'])).toBe('help');
  });
});
