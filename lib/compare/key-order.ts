/**
 * S3 lists keys in UTF-8 binary order, which is Unicode code point order. JavaScript's `<` compares UTF-16 code
 * units, which disagrees for characters above U+FFFF (surrogate pairs, e.g. emoji) against U+E000..U+FFFF.
 * Remapping code units so that surrogates sort after U+E000..U+FFFF makes code unit order equal code point order.
 */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Negative when `a` sorts before `b` in S3's listing order, 0 when equal, positive after. */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const left = a.charCodeAt(i);
    const right = b.charCodeAt(i);
    if (left !== right) return codePointRank(left) - codePointRank(right);
  }
  return a.length - b.length;
}
