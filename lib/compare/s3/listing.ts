import { ListObjectVersionsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { compareKeys } from '../key-order';
import type { CompareMode, ListedEntry, ListingPages } from '../types';

export interface ListingRequest {
  bucket: string;
  prefix?: string;
  mode: CompareMode;
  /** Keys per page (S3's maximum, 1000, by default). */
  pageSize?: number;
  signal?: AbortSignal;
}

async function* currentObjects(s3: S3Client, request: ListingRequest): ListingPages {
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: request.bucket, Prefix: request.prefix || undefined, ContinuationToken: token, MaxKeys: request.pageSize }),
      { abortSignal: request.signal },
    );
    yield (page.Contents ?? []).map(
      (object): ListedEntry => ({
        key: object.Key ?? '',
        size: object.Size ?? 0,
        etag: object.ETag,
        lastModified: object.LastModified?.toISOString(),
        storageClass: object.StorageClass,
      }),
    );
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** The SDK splits one ListVersionsResult into Versions and DeleteMarkers; put them back in S3's order. */
function inListingOrder(a: ListedEntry, b: ListedEntry): number {
  const byKey = compareKeys(a.key, b.key);
  if (byKey !== 0) return byKey;
  if (a.isLatest !== b.isLatest) return a.isLatest ? -1 : 1;
  return (b.lastModified ?? '').localeCompare(a.lastModified ?? '');
}

async function* allVersions(s3: S3Client, request: ListingRequest): ListingPages {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: request.bucket,
        Prefix: request.prefix || undefined,
        KeyMarker: keyMarker,
        VersionIdMarker: keyMarker === undefined ? undefined : versionIdMarker,
        MaxKeys: request.pageSize,
      }),
      { abortSignal: request.signal },
    );
    const entries: ListedEntry[] = [
      ...(page.Versions ?? []).map((version) => ({
        key: version.Key ?? '',
        versionId: version.VersionId ?? 'null',
        isLatest: version.IsLatest ?? false,
        size: version.Size ?? 0,
        etag: version.ETag,
        lastModified: version.LastModified?.toISOString(),
        storageClass: version.StorageClass,
      })),
      ...(page.DeleteMarkers ?? []).map((marker) => ({
        key: marker.Key ?? '',
        versionId: marker.VersionId ?? 'null',
        isLatest: marker.IsLatest ?? false,
        isDeleteMarker: true,
        size: 0,
        lastModified: marker.LastModified?.toISOString(),
      })),
    ];
    yield entries.sort(inListingOrder);
    if (!page.IsTruncated || page.NextKeyMarker === undefined) return;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

/** A bucket listed page by page: current objects (ListObjectsV2) or every version and delete marker. */
export function listingPages(s3: S3Client, request: ListingRequest): ListingPages {
  return request.mode === 'versions' ? allVersions(s3, request) : currentObjects(s3, request);
}
