import { compareKeys } from './key-order';
import type { ListedEntry, ListingPages } from './types';

/** Every entry of one key (one for current objects, all versions in versions mode), in listing order. */
export interface KeyGroup {
  key: string;
  entries: ListedEntry[];
}

export interface JoinedKey {
  key: string;
  source: ListedEntry[];
  destination: ListedEntry[];
}

export class ListingOrderError extends Error {
  constructor(side: string, previous: string, next: string) {
    super(`The ${side} listing is not in S3 key order: "${next}" came after "${previous}".`);
    this.name = 'ListingOrderError';
  }
}

/**
 * Entries of a paged listing, one at a time, with the next page already requested while the current one is
 * consumed (both sides of a join then list concurrently, and only about two pages per side are in memory).
 */
async function* entriesWithReadAhead(pages: ListingPages, onPage: (size: number) => void): AsyncGenerator<ListedEntry> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      onPage(result.value.length);
      yield* result.value;
    }
  } finally {
    // Stop the listing when the consumer stops early; a pending page request is left to settle on its own.
    next.catch(() => undefined);
    await iterator.return?.();
  }
}

/** Consecutive entries with the same key, checked to arrive in S3's key order. */
export async function* groupByKey(entries: AsyncIterable<ListedEntry>, side: string): AsyncGenerator<KeyGroup> {
  let current: KeyGroup | undefined;
  for await (const entry of entries) {
    if (current && current.key === entry.key) {
      current.entries.push(entry);
      continue;
    }
    if (current) {
      if (compareKeys(current.key, entry.key) > 0) throw new ListingOrderError(side, current.key, entry.key);
      yield current;
    }
    current = { key: entry.key, entries: [entry] };
  }
  if (current) yield current;
}

export interface JoinCounters {
  sourceEntries: number;
  destinationEntries: number;
}

/**
 * Sorted merge join of two paged listings by key (full outer join): yields each key once, with the entries each
 * side has for it, in S3's key order. Never holds more than the current pages.
 */
export async function* mergeJoin(source: ListingPages, destination: ListingPages, counters?: JoinCounters): AsyncGenerator<JoinedKey> {
  const left = groupByKey(entriesWithReadAhead(source, (n) => counters && (counters.sourceEntries += n)), 'source');
  const right = groupByKey(entriesWithReadAhead(destination, (n) => counters && (counters.destinationEntries += n)), 'destination');
  try {
    let [a, b] = await Promise.all([left.next(), right.next()]);
    while (!a.done || !b.done) {
      const order = a.done ? 1 : b.done ? -1 : compareKeys(a.value.key, b.value.key);
      if (order === 0 && !a.done && !b.done) {
        yield { key: a.value.key, source: a.value.entries, destination: b.value.entries };
        [a, b] = await Promise.all([left.next(), right.next()]);
      } else if (order < 0 && !a.done) {
        yield { key: a.value.key, source: a.value.entries, destination: [] };
        a = await left.next();
      } else if (!b.done) {
        yield { key: b.value.key, source: [], destination: b.value.entries };
        b = await right.next();
      }
    }
  } finally {
    await Promise.all([left.return(undefined), right.return(undefined)]);
  }
}
