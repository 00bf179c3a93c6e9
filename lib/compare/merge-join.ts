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
 * One side of the join: groups a paged listing's entries by key, checking S3's key order. Groups are formed
 * synchronously from the page in hand; only at a page boundary does `ready()` wait, with the next page already
 * requested (both sides of a join then list concurrently, and only about two pages per side are in memory).
 */
class GroupCursor {
  /** The complete group at the head; undefined with `ended` once the listing is exhausted. */
  head: KeyGroup | undefined;
  ended = false;
  private page: readonly ListedEntry[] = [];
  private index = 0;
  private partial: KeyGroup | undefined;
  private previousKey: string | undefined;
  private readonly iterator: AsyncIterator<readonly ListedEntry[]>;
  private nextPage: Promise<IteratorResult<readonly ListedEntry[]>> | undefined;
  private exhausted = false;

  constructor(
    pages: ListingPages,
    private readonly side: string,
    private readonly onPage: (size: number) => void,
  ) {
    this.iterator = pages[Symbol.asyncIterator]();
  }

  /** True when `head` is settled (a complete group, or the end) without waiting for a page. */
  get isReady(): boolean {
    return this.head !== undefined || this.ended;
  }

  /** Drops the head and forms the next group from the page in hand, if it lies wholly within it. */
  advance(): void {
    this.head = undefined;
    this.formGroup();
  }

  /** Waits for pages until `head` is settled. */
  async ready(): Promise<void> {
    while (!this.isReady) {
      if (this.exhausted) {
        this.finishPartial();
        return;
      }
      this.nextPage ??= this.iterator.next();
      const result = await this.nextPage;
      this.nextPage = undefined;
      if (result.done) this.exhausted = true;
      else {
        this.page = result.value;
        this.index = 0;
        this.onPage(result.value.length);
        this.nextPage = this.iterator.next(); // read ahead while this page is consumed
      }
      this.formGroup();
    }
  }

  async close(): Promise<void> {
    // Stop the listing when the consumer stops early; a pending page request is left to settle on its own.
    this.nextPage?.catch(() => undefined);
    await this.iterator.return?.();
  }

  private formGroup(): void {
    const { page } = this;
    while (this.index < page.length) {
      const entry = page[this.index];
      if (this.partial === undefined) {
        if (this.previousKey !== undefined && compareKeys(this.previousKey, entry.key) > 0) {
          throw new ListingOrderError(this.side, this.previousKey, entry.key);
        }
        this.partial = { key: entry.key, entries: [entry] };
        this.previousKey = entry.key;
        this.index += 1;
      } else if (this.partial.key === entry.key) {
        this.partial.entries.push(entry);
        this.index += 1;
      } else {
        this.head = this.partial;
        this.partial = undefined;
        return;
      }
    }
    // The page ended inside a group: only the next page (or the listing's end) completes it.
    if (this.exhausted) this.finishPartial();
  }

  private finishPartial(): void {
    if (this.partial !== undefined) {
      this.head = this.partial;
      this.partial = undefined;
    } else this.ended = true;
  }
}

export interface JoinCounters {
  sourceEntries: number;
  destinationEntries: number;
}

/**
 * Sorted merge join of two paged listings by key (full outer join), in batches: each batch holds the keys that
 * could be joined from the pages in hand, in S3's key order, each key once with the entries each side has for it.
 * Never holds more than the current pages.
 */
export async function* mergeJoinBatches(source: ListingPages, destination: ListingPages, counters?: JoinCounters): AsyncGenerator<JoinedKey[]> {
  const left = new GroupCursor(source, 'source', (n) => counters && (counters.sourceEntries += n));
  const right = new GroupCursor(destination, 'destination', (n) => counters && (counters.destinationEntries += n));
  try {
    for (;;) {
      await Promise.all([left.ready(), right.ready()]);
      const batch: JoinedKey[] = [];
      while (left.isReady && right.isReady) {
        const a = left.head;
        const b = right.head;
        if (a === undefined && b === undefined) {
          if (batch.length > 0) yield batch;
          return;
        }
        const order = a === undefined ? 1 : b === undefined ? -1 : compareKeys(a.key, b.key);
        if (order === 0 && a && b) {
          batch.push({ key: a.key, source: a.entries, destination: b.entries });
          left.advance();
          right.advance();
        } else if (order < 0 && a) {
          batch.push({ key: a.key, source: a.entries, destination: [] });
          left.advance();
        } else if (b) {
          batch.push({ key: b.key, source: [], destination: b.entries });
          right.advance();
        }
      }
      if (batch.length > 0) yield batch;
    }
  } finally {
    await Promise.all([left.close(), right.close()]);
  }
}
