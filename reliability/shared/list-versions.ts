import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';

export interface ListedVersion {
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  size: number;
  etag?: string;
}

/** Every version and delete marker of a bucket, following the pages. */
export async function listAllVersions(s3: S3Client, bucket: string): Promise<ListedVersion[]> {
  const all: ListedVersion[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker, MaxKeys: 1000 }),
    );
    for (const v of page.Versions ?? []) {
      all.push({ key: v.Key as string, versionId: v.VersionId as string, isDeleteMarker: false, size: v.Size ?? 0, etag: v.ETag });
    }
    for (const m of page.DeleteMarkers ?? []) {
      all.push({ key: m.Key as string, versionId: m.VersionId as string, isDeleteMarker: true, size: 0 });
    }
    if (!page.IsTruncated) return all;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}
