import { queryOptions } from '@tanstack/react-query';
import type { S3Tag } from '@/lib/s3/tags';
import { fetchJson } from './api-error';

/** Replication status as S3 reports it in x-amz-replication-status; undefined when the object is not replicated. */
export type ReplicationStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'REPLICA';

export type ObjectSummary = {
  key: string;
  size: number;
  /** ISO 8601. */
  lastModified: string | undefined;
  etag: string | undefined;
  storageClass: string;
};

/** One page of a folder: sub-folders (common prefixes) and objects, and the token of the next page. */
export type ObjectPage = {
  prefix: string;
  folders: string[];
  objects: ObjectSummary[];
  nextToken: string | undefined;
};

export type ObjectDetails = {
  key: string;
  versionId: string | undefined;
  size: number;
  etag: string | undefined;
  storageClass: string;
  contentType: string | undefined;
  lastModified: string | undefined;
  metadata: Record<string, string>;
  tags: S3Tag[];
  replicationStatus: ReplicationStatus | undefined;
};

/** An object or one version of it, whose replication status is asked for. */
export type ObjectRef = { key: string; versionId?: string };

/** `"key"` or `"key\u0000versionId"` → status; absent when S3 reported none. */
export type ReplicationStatuses = Record<string, ReplicationStatus>;

export function objectRefId(ref: ObjectRef): string {
  return ref.versionId ? `${ref.key}\u0000${ref.versionId}` : ref.key;
}

const base = (bucket: string) => `/api/buckets/${encodeURIComponent(bucket)}`;

export const objectKeys = {
  all: (bucket: string) => ['buckets', 'detail', bucket, 'objects'] as const,
  page: (bucket: string, prefix: string, token: string | undefined) =>
    [...objectKeys.all(bucket), 'page', prefix, token ?? ''] as const,
  statuses: (bucket: string, refs: readonly ObjectRef[]) =>
    [...objectKeys.all(bucket), 'statuses', refs.map(objectRefId)] as const,
  details: (bucket: string, key: string, versionId: string | undefined) =>
    [...objectKeys.all(bucket), 'details', key, versionId ?? ''] as const,
};

export function objectPageQuery(bucket: string, prefix: string, token: string | undefined) {
  const params = new URLSearchParams({ prefix });
  if (token) params.set('token', token);
  return queryOptions({
    queryKey: objectKeys.page(bucket, prefix, token),
    queryFn: ({ signal }) => fetchJson<ObjectPage>(`${base(bucket)}/objects?${params}`, { signal }),
  });
}

/** How often to look again while a visible object is still PENDING replication. */
export const PENDING_POLL_MS = 2_000;

export function hasPending(statuses: ReplicationStatuses | undefined): boolean {
  return statuses !== undefined && Object.values(statuses).some((status) => status === 'PENDING');
}

export function replicationStatusesQuery(bucket: string, refs: readonly ObjectRef[]) {
  return queryOptions({
    queryKey: objectKeys.statuses(bucket, refs),
    queryFn: ({ signal }) =>
      fetchJson<ReplicationStatuses>(`${base(bucket)}/objects/statuses`, {
        signal,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refs }),
      }),
    enabled: refs.length > 0,
    refetchInterval: (query) => (hasPending(query.state.data) ? PENDING_POLL_MS : false),
  });
}

export function objectDetailsQuery(bucket: string, key: string, versionId: string | undefined) {
  const params = new URLSearchParams({ key });
  if (versionId) params.set('versionId', versionId);
  return queryOptions({
    queryKey: objectKeys.details(bucket, key, versionId),
    queryFn: ({ signal }) => fetchJson<ObjectDetails>(`${base(bucket)}/object?${params}`, { signal }),
    refetchInterval: (query) => (query.state.data?.replicationStatus === 'PENDING' ? PENDING_POLL_MS : false),
  });
}

export function downloadUrl(bucket: string, ref: ObjectRef): string {
  const params = new URLSearchParams({ key: ref.key });
  if (ref.versionId) params.set('versionId', ref.versionId);
  return `${base(bucket)}/download?${params}`;
}

/**
 * Largest body of one upload request: a file up to this size is sent whole, a larger one part by part
 * (the console's request proxy cuts bodies above 10 MB).
 */
export const UPLOAD_PART_BYTES = 8 * 1024 * 1024;

export function uploadUrl(bucket: string, key: string): string {
  return `${base(bucket)}/upload?${new URLSearchParams({ key })}`;
}

export const multipartUrls = {
  start: (bucket: string) => `${base(bucket)}/uploads`,
  abort: (bucket: string, key: string, uploadId: string) => `${base(bucket)}/uploads?${new URLSearchParams({ key, uploadId })}`,
  part: (bucket: string, key: string, uploadId: string, partNumber: number) =>
    `${base(bucket)}/uploads/part?${new URLSearchParams({ key, uploadId, partNumber: String(partNumber) })}`,
  complete: (bucket: string) => `${base(bucket)}/uploads/complete`,
};
