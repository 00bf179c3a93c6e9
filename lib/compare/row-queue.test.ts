import { describe, expect, it } from 'vitest';
import { RowQueue } from './row-queue';

describe('RowQueue', () => {
  it('gives settled heads at once, holds later keys behind a pending head, and keeps key order', async () => {
    const queue = new RowQueue<string>();
    let release: (rows: string[]) => void = () => undefined;
    queue.push(['a']);
    queue.push(new Promise<string[]>((resolve) => (release = resolve)));
    queue.push(['c1', 'c2']);
    expect(queue.takeSettled()).toEqual(['a']);
    expect(queue.takeSettled()).toBeUndefined(); // b is still looking up; c waits behind it
    expect(queue.size).toBe(2);
    release(['b']);
    await Promise.resolve();
    expect(queue.takeSettled()).toEqual(['b']);
    expect(queue.takeSettled()).toEqual(['c1', 'c2']);
    expect(queue.size).toBe(0);
    expect(await queue.takeOldest()).toEqual([]);
  });

  it('waits for the oldest key when asked, and rethrows its lookup failure only then', async () => {
    const queue = new RowQueue<string>();
    queue.push(Promise.reject(new Error('lookup failed')));
    queue.push(new Promise<string[]>((resolve) => setTimeout(() => resolve(['late']), 5)));
    await new Promise((resolve) => setTimeout(resolve, 1)); // no unhandled rejection meanwhile
    await expect(queue.takeOldest()).rejects.toThrow('lookup failed');
    expect(await queue.takeOldest()).toEqual(['late']);
  });

  it('stays in order across its compactions', () => {
    const queue = new RowQueue<number>();
    const taken: number[] = [];
    for (let i = 0; i < 5000; i += 1) {
      queue.push([i]);
      if (i % 3 === 0) taken.push(...(queue.takeSettled() ?? []));
    }
    for (let rows = queue.takeSettled(); rows; rows = queue.takeSettled()) taken.push(...rows);
    expect(taken).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
