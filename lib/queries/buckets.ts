import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './api-error';

/** Versioning as the S3 console names it; `Unknown` when GetBucketVersioning was refused. */
export type VersioningState = 'Enabled' | 'Suspended' | 'NeverEnabled' | 'Unknown';

export type BucketSummary = {
  name: string;
  /** Region code, e.g. `us-east-2`. */
  region: string;
  /** ISO 8601; undefined when the backend did not report it. */
  creationDate: string | undefined;
  versioning: VersioningState;
};

export type BucketList = { buckets: BucketSummary[] };

export const bucketKeys = {
  all: ['buckets'] as const,
  list: () => [...bucketKeys.all, 'list'] as const,
  detail: (name: string) => [...bucketKeys.all, 'detail', name] as const,
};

/** All buckets of the backend, from `GET /api/buckets`. Invalidate `bucketKeys.all` after a bucket mutation. */
export function bucketsQuery() {
  return queryOptions({
    queryKey: bucketKeys.list(),
    queryFn: ({ signal }) => fetchJson<BucketList>('/api/buckets', { signal }),
    staleTime: 10_000,
  });
}
