import type { CompareClass, CompareRow, CompareSummary } from '../types';
import type { ResolvedCompare } from '../s3/resolve';

/** What the compare page receives: the job's state, its counters and one window of rows. */
export interface CompareView {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  error?: { code: string; message: string };
  startedAt: number;
  finishedAt?: number;
  /** A newer comparison of the same buckets is running; these results are the last complete ones. */
  refreshing: boolean;
  target: {
    sourceBucket: string;
    sourceRegion: string;
    destinationBucket: string;
    destinationRegion: string;
    prefix: string;
    mode: 'current' | 'versions';
    rule?: ResolvedCompare['rule'];
  };
  summary: CompareSummary;
  window: { offset: number; limit: number; total: number; rows: CompareRow[] };
}

export interface RowFilter {
  classes?: readonly CompareClass[];
  /** Case-insensitive substring of the key. */
  search?: string;
}

export const MAX_WINDOW = 500;
