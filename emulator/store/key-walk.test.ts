import { describe, expect, it } from 'vitest';
import { compareKeys, prefixSuccessor, walkKeys, type WalkCursor, type WalkResult, type WalkSource } from './key-walk';

function arraySource(keys: string[]): WalkSource<string, never> {
  const sorted = [...keys].sort(compareKeys);
  return {
    fetch(cursor, upper, limit) {
      return sorted
        .filter((key) => (cursor.inclusive ? compareKeys(key, cursor.key) >= 0 : compareKeys(key, cursor.key) > 0))
        .filter((key) => upper === null || compareKeys(key, upper) < 0)
        .slice(0, limit);
    },
    keyOf: (key) => key,
    cursorAfter: (key) => ({ key, inclusive: false }),
  };
}

describe('prefixSuccessor', () => {
  it.each([
    ['a/', 'a0'],
    ['abc', 'abd'],
    ['\u{10FFFF}', null],
    ['x\u{D7FF}', 'x\u{E000}'],
  ])('%s → %s', (prefix, expected) => {
    expect(prefixSuccessor(prefix)).toBe(expected);
  });
});

describe('walkKeys', () => {
  const keys = ['a', 'b/1', 'b/2', 'b/c/3', 'c', 'é/x', '日本/y', '😀'];

  it('groups by delimiter and orders by UTF-8 bytes', () => {
    const result = walkKeys(arraySource(keys), { prefix: '', delimiter: '/', start: null, maxItems: 100 });
    expect(result.entries.map((e) => (e.kind === 'row' ? e.row : `P:${e.prefix}`))).toEqual(['a', 'P:b/', 'c', 'P:é/', 'P:日本/', '😀']);
    expect(result.isTruncated).toBe(false);
  });

  it('pages without repeating or losing anything at every page size', () => {
    for (let size = 1; size <= 8; size += 1) {
      const seen: string[] = [];
      let start: WalkCursor<never> | null = null;
      for (;;) {
        const page: WalkResult<string, never> = walkKeys(arraySource(keys), { prefix: '', delimiter: '/', start, maxItems: size });
        seen.push(...page.entries.map((e) => (e.kind === 'row' ? e.row : `P:${e.prefix}`)));
        if (!page.isTruncated) break;
        start = page.next;
      }
      expect(seen).toEqual(['a', 'P:b/', 'c', 'P:é/', 'P:日本/', '😀']);
    }
  });

  it('answers an empty, complete page for zero items', () => {
    expect(walkKeys(arraySource(keys), { prefix: '', delimiter: '', start: null, maxItems: 0 })).toEqual({
      entries: [],
      isTruncated: false,
      next: null,
    });
  });

  it('restricts to a prefix', () => {
    const result = walkKeys(arraySource(keys), { prefix: 'b/', delimiter: '/', start: null, maxItems: 100 });
    expect(result.entries.map((e) => (e.kind === 'row' ? e.row : `P:${e.prefix}`))).toEqual(['b/1', 'b/2', 'P:b/c/']);
  });
});
