/**
 * Prefix/delimiter listing over a key-ordered source, done with bounded range queries: a common prefix is
 * emitted once and the walk seeks past all keys under it, so listing never scans a whole bucket.
 * Keys compare as UTF-8 bytes (SQLite's BINARY collation), which orders exactly like code points.
 */

export interface WalkCursor<P> {
  key: string;
  inclusive: boolean;
  /** Position inside `key` (e.g. a version's place among the key's versions) when the walk stopped between entries of the same key. */
  within?: P;
}

export interface WalkSource<Row, P> {
  /**
   * Rows at or after `cursor`, below `upper` (exclusive, null = none), in listing order, at most `limit`. Consumed
   * lazily: after a common prefix the walk stops reading and seeks past it.
   */
  fetch(cursor: WalkCursor<P>, upper: string | null, limit: number): Iterable<Row>;
  keyOf(row: Row): string;
  cursorAfter(row: Row): WalkCursor<P>;
}

export type WalkEntry<Row> = { kind: 'row'; row: Row } | { kind: 'prefix'; prefix: string };

export interface WalkOptions<P> {
  prefix: string;
  delimiter: string;
  start: WalkCursor<P> | null;
  /** A common prefix equal to this marker is not listed again (continuing after a prefix). */
  skipPrefix?: string;
  maxItems: number;
}

export interface WalkResult<Row, P> {
  entries: WalkEntry<Row>[];
  isTruncated: boolean;
  /** Where the next page starts (only meaningful when truncated). */
  next: WalkCursor<P> | null;
}

export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The smallest string greater than every string that starts with `prefix` (null when there is none). */
export function prefixSuccessor(prefix: string): string | null {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop() as string;
    let next = (last.codePointAt(0) as number) + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return codePoints.join('') + String.fromCodePoint(next);
  }
  return null;
}

export function walkKeys<Row, P>(source: WalkSource<Row, P>, options: WalkOptions<P>): WalkResult<Row, P> {
  const { prefix, delimiter, maxItems } = options;
  const upper = prefix === '' ? null : prefixSuccessor(prefix);
  let cursor: WalkCursor<P> = { key: prefix, inclusive: true };
  if (options.start && compareKeys(options.start.key, prefix) >= 0) cursor = options.start;
  const entries: WalkEntry<Row>[] = [];
  // max-keys=0 asks for nothing: S3 answers an empty page that is not truncated.
  if (maxItems <= 0) return { entries, isTruncated: false, next: null };

  while (entries.length < maxItems) {
    const limit = maxItems - entries.length;
    let consumed = 0;
    let jumped = false;
    for (const row of source.fetch(cursor, upper, limit)) {
      consumed += 1;
      const key = source.keyOf(row);
      const delimiterAt = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
      if (delimiterAt >= 0) {
        const commonPrefix = key.slice(0, delimiterAt + delimiter.length);
        if (commonPrefix !== options.skipPrefix) entries.push({ kind: 'prefix', prefix: commonPrefix });
        const successor = prefixSuccessor(commonPrefix);
        if (successor === null) return { entries, isTruncated: false, next: null };
        cursor = { key: successor, inclusive: true };
        jumped = true;
        break;
      }
      entries.push({ kind: 'row', row });
      cursor = source.cursorAfter(row);
      if (entries.length >= maxItems) break;
    }
    if (!jumped && consumed < limit) return { entries, isTruncated: false, next: null };
  }
  let more = false;
  for (const row of source.fetch(cursor, upper, 1)) more = row !== undefined;
  return { entries, isTruncated: more, next: more ? cursor : null };
}
