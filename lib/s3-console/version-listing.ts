import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectVersion, VersionMarker, VersionPage } from '@/lib/queries/versions';
import { DEFAULT_PAGE_SIZE } from './object-listing';

export type VersionPageRequest = { bucket: string; prefix: string; marker?: VersionMarker; pageSize?: number };

/** One page of versions and delete markers, newest first per key, continued with key-marker / version-id-marker. */
export async function listVersionPage(s3: S3Client, request: VersionPageRequest): Promise<VersionPage> {
  const page = await s3.send(
    new ListObjectVersionsCommand({
      Bucket: request.bucket,
      Prefix: request.prefix || undefined,
      KeyMarker: request.marker?.keyMarker,
      VersionIdMarker: request.marker?.keyMarker ? request.marker.versionIdMarker : undefined,
      MaxKeys: request.pageSize ?? DEFAULT_PAGE_SIZE,
    }),
  );
  const versions: ObjectVersion[] = [
    ...(page.Versions ?? []).map((version) => ({
      key: version.Key ?? '',
      versionId: version.VersionId ?? 'null',
      isLatest: version.IsLatest ?? false,
      isDeleteMarker: false,
      size: version.Size,
      lastModified: version.LastModified?.toISOString(),
      etag: version.ETag,
      storageClass: version.StorageClass ?? 'STANDARD',
    })),
    ...(page.DeleteMarkers ?? []).map((marker) => ({
      key: marker.Key ?? '',
      versionId: marker.VersionId ?? 'null',
      isLatest: marker.IsLatest ?? false,
      isDeleteMarker: true,
      size: undefined,
      lastModified: marker.LastModified?.toISOString(),
      etag: undefined,
      storageClass: undefined,
    })),
  ];
  // S3 returns versions and delete markers in two lists; show them as S3 orders them: by key, newest first.
  versions.sort((a, b) => {
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    if (a.isLatest !== b.isLatest) return a.isLatest ? -1 : 1;
    return (b.lastModified ?? '').localeCompare(a.lastModified ?? '');
  });
  return {
    prefix: request.prefix,
    versions,
    next: page.IsTruncated && page.NextKeyMarker ? { keyMarker: page.NextKeyMarker, versionIdMarker: page.NextVersionIdMarker } : undefined,
  };
}
