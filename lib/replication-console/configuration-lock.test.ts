import { describe, expect, it } from 'vitest';
import { withConfigurationLock } from './configuration-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('withConfigurationLock', () => {
  it('runs work on one bucket one at a time, in order, and other buckets in parallel', async () => {
    const log: string[] = [];
    const job = (bucket: string, name: string) =>
      withConfigurationLock(bucket, async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1')]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('releases the lock when the work throws', async () => {
    await expect(withConfigurationLock('c', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withConfigurationLock('c', async () => 'next')).resolves.toBe('next');
  });
});
