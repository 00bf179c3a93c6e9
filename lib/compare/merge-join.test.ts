import { describe, expect, it } from 'vitest';
import { mergeJoinBatches } from './merge-join';
import { entry, mergeJoinKeys, pagesOf } from './testkit';

const version = (key: string, versionId: string) => entry(key, `"${key}-${versionId}"`, 1, { versionId });

describe('mergeJoinBatches', () => {
  it("keeps a key's versions together when they span pages on either side", async () => {
    const source = [version('a', '3'), version('a', '2'), version('a', '1'), version('b', '1'), version('c', '2'), version('c', '1')];
    const destination = [version('a', '2'), version('c', '2'), version('c', '1'), version('d', '1')];
    for (const [sourcePage, destinationPage] of [
      [1, 1],
      [2, 1],
      [4, 3],
      [100, 100],
    ]) {
      const joined = [];
      for await (const key of mergeJoinKeys(pagesOf(source, sourcePage), pagesOf(destination, destinationPage))) joined.push(key);
      expect(joined.map((key) => [key.key, key.source.map((e) => e.versionId), key.destination.map((e) => e.versionId)])).toEqual([
        ['a', ['3', '2', '1'], ['2']],
        ['b', ['1'], []],
        ['c', ['2', '1'], ['2', '1']],
        ['d', [], ['1']],
      ]);
    }
  });

  it('joins a page pair in one batch, without waiting per key', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => entry(`k${String(i).padStart(4, '0')}`));
    const counters = { sourceEntries: 0, destinationEntries: 0 };
    const batches = [];
    for await (const batch of mergeJoinBatches(pagesOf(keys, 500), pagesOf(keys.slice(0, 700), 500), counters)) batches.push(batch.length);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(1000);
    // One batch per page boundary (the last key of a page waits for the next page), not one per key.
    expect(batches.length).toBeLessThanOrEqual(4);
    expect(counters).toEqual({ sourceEntries: 1000, destinationEntries: 700 });
  });

  it('handles empty pages and empty listings', async () => {
    async function* withEmptyPages() {
      yield [];
      yield [entry('a')];
      yield [];
      yield [entry('b')];
      yield [];
    }
    const joined = [];
    for await (const key of mergeJoinKeys(withEmptyPages(), pagesOf([], 5))) joined.push(key.key);
    expect(joined).toEqual(['a', 'b']);
    const none = [];
    for await (const key of mergeJoinKeys(pagesOf([], 5), pagesOf([], 5))) none.push(key);
    expect(none).toEqual([]);
  });
});
