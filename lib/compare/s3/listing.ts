import { ListObjectVersionsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { CompareMode, ListingPages } from '../types';
import { parseObjectsPage, parseVersionsPage } from './listing-xml';
import { sendListing } from './raw-listing';

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
    const command = new ListObjectsV2Command({
      Bucket: request.bucket,
      Prefix: request.prefix || undefined,
      ContinuationToken: token,
      MaxKeys: request.pageSize,
    });
    const page = await sendListing(s3, command, 'ListBucketResult', parseObjectsPage, request.signal);
    yield page.entries;
    token = page.isTruncated ? page.nextContinuationToken : undefined;
  } while (token);
}

async function* allVersions(s3: S3Client, request: ListingRequest): ListingPages {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const command = new ListObjectVersionsCommand({
      Bucket: request.bucket,
      Prefix: request.prefix || undefined,
      KeyMarker: keyMarker,
      VersionIdMarker: keyMarker === undefined ? undefined : versionIdMarker,
      MaxKeys: request.pageSize,
    });
    // Versions and delete markers arrive interleaved in S3's order, which the parser keeps.
    const page = await sendListing(s3, command, 'ListVersionsResult', parseVersionsPage, request.signal);
    yield page.entries;
    if (!page.isTruncated || page.nextKeyMarker === undefined) return;
    keyMarker = page.nextKeyMarker;
    versionIdMarker = page.nextVersionIdMarker;
  }
}

/** A bucket listed page by page: current objects (ListObjectsV2) or every version and delete marker. */
export function listingPages(s3: S3Client, request: ListingRequest): ListingPages {
  return request.mode === 'versions' ? allVersions(s3, request) : currentObjects(s3, request);
}
