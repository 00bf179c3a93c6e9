import { classifyKey } from './classify';
import { concurrencyLimit } from './limit';
import { mergeJoinBatches } from './merge-join';
import { RowQueue } from './row-queue';
import { rulesFilterOnTags, rulesForDestination } from './reasons';
import { addRow, emptySummary } from './summary';
import type { CompareInput, CompareRow, CompareSummary, ListedEntry } from './types';

export const DEFAULT_LOOKUP_CONCURRENCY = 16;
/**
 * Keys classified ahead of the oldest unfinished lookup. Keys the listings settle cost a few hundred bytes each;
 * the window lets listing and classification run on while a lookup is answered, and bounds memory.
 */
export const CLASSIFY_WINDOW = 4096;

export interface Comparison {
  /** Classified rows in S3 key order (versions of a key: source versions first, newest first). */
  rows: AsyncGenerator<CompareRow>;
  /** Running counters, updated as rows are yielded. */
  summary: CompareSummary;
}

/**
 * Compares two buckets as their listings stream in: a sorted merge join by key, then a class per key (or per
 * version), looking up source versions (HeadObject) only where the listings alone cannot tell. Lookups run with
 * bounded concurrency while the listings continue; rows still come out in key order.
 */
export function compareBuckets(input: CompareInput): Comparison {
  const summary = emptySummary();
  const withTags = rulesFilterOnTags(rulesForDestination(input.configuration, input.destinationBucket));
  const limited = concurrencyLimit(input.lookupConcurrency ?? DEFAULT_LOOKUP_CONCURRENCY);
  const lookup = (entry: ListedEntry) =>
    limited(() => {
      summary.lookups += 1;
      return input.lookup({ key: entry.key, versionId: entry.versionId, isDeleteMarker: entry.isDeleteMarker === true }, { withTags });
    });
  const ctx = { input, lookup };

  async function* rows(): AsyncGenerator<CompareRow> {
    const queue = new RowQueue<CompareRow>();
    try {
      for await (const batch of mergeJoinBatches(input.source, input.destination, summary)) {
        for (const joined of batch) queue.push(classifyKey(ctx, joined));
        // Yield what is settled in order; wait for the oldest lookup only when the window is full.
        for (let rowsOfKey = queue.takeSettled(); rowsOfKey !== undefined || queue.size > CLASSIFY_WINDOW; rowsOfKey = queue.takeSettled()) {
          for (const row of rowsOfKey ?? (await queue.takeOldest())) {
            addRow(summary, row);
            yield row;
          }
        }
      }
      while (queue.size > 0) {
        for (const row of await queue.takeOldest()) {
          addRow(summary, row);
          yield row;
        }
      }
    } finally {
      queue.abandon();
    }
  }
  return { rows: rows(), summary };
}
