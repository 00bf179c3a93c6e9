import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './api-error';
import { objectKeys } from './objects';

export type ObjectVersion = {
  key: string;
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  /** Undefined for delete markers. */
  size: number | undefined;
  lastModified: string | undefined;
  etag: string | undefined;
  storageClass: string | undefined;
};

export type VersionMarker = { keyMarker: string; versionIdMarker: string | undefined };

export type VersionPage = { prefix: string; versions: ObjectVersion[]; next: VersionMarker | undefined };

export const versionKeys = {
  page: (bucket: string, prefix: string, marker: VersionMarker | undefined) =>
    [...objectKeys.all(bucket), 'versions', prefix, marker?.keyMarker ?? '', marker?.versionIdMarker ?? ''] as const,
};

export function versionPageQuery(bucket: string, prefix: string, marker: VersionMarker | undefined) {
  const params = new URLSearchParams({ prefix });
  if (marker) {
    params.set('keyMarker', marker.keyMarker);
    if (marker.versionIdMarker) params.set('versionIdMarker', marker.versionIdMarker);
  }
  return queryOptions({
    queryKey: versionKeys.page(bucket, prefix, marker),
    queryFn: ({ signal }) =>
      fetchJson<VersionPage>(`/api/buckets/${encodeURIComponent(bucket)}/versions?${params}`, { signal }),
  });
}
