import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys } from './key-order';

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('compareKeys', () => {
  it('sorts as UTF-8 bytes, not as UTF-16 code units', () => {
    const keys = ['a', 'Z', 'é', '😀', '\uFF5E', 'ab', '', 'a/b', 'a-b', '\uE000'];
    const expected = [...keys].sort(byBytes);
    expect([...keys].sort(compareKeys)).toEqual(expected);
    expect(expected).toEqual(['', 'Z', 'a', 'a-b', 'a/b', 'ab', 'é', '\uE000', '\uFF5E', '😀']);
    // JavaScript's own order puts the emoji (a surrogate pair) before U+FF5E: the case this function exists for.
    expect(['😀', '\uFF5E'].sort()).toEqual(['😀', '\uFF5E']);
  });

  it('agrees with byte order on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareKeys(a, b))).toBe(Math.sign(byBytes(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});
