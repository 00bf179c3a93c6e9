import { queryOptions } from '@tanstack/react-query';
import type { S3Tag } from '@/lib/s3/tags';
import { fetchJson } from './api-error';
import type { VersioningState } from './buckets';

/** Replication part of each bucket, keyed by bucket name (see lib/s3-console/replication-roles.ts). */
export type ReplicationRoles = Record<string, { sourceRules: number; destinationRules: number; readable: boolean }>;

export type BucketProperties = {
  name: string;
  region: string;
  versioning: VersioningState;
  tags: S3Tag[];
  /** Rules of the bucket's replication configuration; 0 when it has none. */
  replicationRules: number;
};

export const bucketPageKeys = {
  replicationRoles: () => ['buckets', 'replication-roles'] as const,
  properties: (bucket: string) => ['buckets', 'detail', bucket, 'properties'] as const,
};

export function replicationRolesQuery() {
  return queryOptions({
    queryKey: bucketPageKeys.replicationRoles(),
    queryFn: ({ signal }) => fetchJson<ReplicationRoles>('/api/bucket-replication-roles', { signal }),
    staleTime: 10_000,
  });
}

export function bucketPropertiesQuery(bucket: string) {
  return queryOptions({
    queryKey: bucketPageKeys.properties(bucket),
    queryFn: ({ signal }) => fetchJson<BucketProperties>(`/api/buckets/${encodeURIComponent(bucket)}/properties`, { signal }),
  });
}
