import { classifyKey } from './classify';
import { concurrencyLimit } from './limit';
import { mergeJoin } from './merge-join';
import { orderedMap } from './ordered-map';
import { rulesFilterOnTags, rulesForDestination } from './reasons';
import { addRow, emptySummary } from './summary';
import type { CompareInput, CompareRow, CompareSummary, ListedEntry } from './types';

export const DEFAULT_LOOKUP_CONCURRENCY = 16;
// Keys classified ahead of the slowest lookup: enough to keep lookups busy, small enough to bound memory.
const CLASSIFY_WINDOW = 512;

export interface Comparison {
  /** Classified rows in S3 key order (versions of a key: source versions first, newest first). */
  rows: AsyncGenerator<CompareRow>;
  /** Running counters, updated as rows are yielded. */
  summary: CompareSummary;
}

/**
 * Compares two buckets as their listings stream in: a sorted merge join by key, then a class per key (or per
 * version), looking up source versions (HeadObject) only where the listings alone cannot tell.
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

  async function* rows(): AsyncGenerator<CompareRow> {
    const joined = mergeJoin(input.source, input.destination, summary);
    for await (const keyRows of orderedMap(joined, CLASSIFY_WINDOW, (key) => classifyKey({ input, lookup }, key))) {
      for (const row of keyRows) {
        addRow(summary, row);
        yield row;
      }
    }
  }
  return { rows: rows(), summary };
}
