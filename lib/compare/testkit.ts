import { mergeJoinBatches, type JoinCounters, type JoinedKey } from './merge-join';
import type { ListedEntry, ListingPages } from './types';

/** An in-memory paged listing: `entries` (already in S3 order) cut into pages of `pageSize`, optionally delayed. */
export async function* pagesOf(entries: readonly ListedEntry[], pageSize: number, delayMs = 0): ListingPages {
  for (let start = 0; start < entries.length; start += pageSize) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    yield entries.slice(start, start + pageSize);
  }
}

export const entry = (key: string, etag = `"${key}"`, size = 1, extra: Partial<ListedEntry> = {}): ListedEntry => ({
  key,
  etag,
  size,
  ...extra,
});

/** The merge join one key at a time (the compare itself consumes it a batch at a time). */
export async function* mergeJoinKeys(source: ListingPages, destination: ListingPages, counters?: JoinCounters): AsyncGenerator<JoinedKey> {
  for await (const batch of mergeJoinBatches(source, destination, counters)) yield* batch;
}
