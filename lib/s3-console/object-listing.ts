import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectPage } from '@/lib/queries/objects';

export const DEFAULT_PAGE_SIZE = 100;

export type ObjectPageRequest = {
  bucket: string;
  /** The folder shown, ending in `/` (or empty for the bucket's root), plus any search text typed after it. */
  prefix: string;
  token?: string;
  pageSize?: number;
};

/** One page of one folder level (delimiter `/`): never more than `pageSize` entries are read. */
export async function listObjectPage(s3: S3Client, request: ObjectPageRequest): Promise<ObjectPage> {
  const page = await s3.send(
    new ListObjectsV2Command({
      Bucket: request.bucket,
      Prefix: request.prefix || undefined,
      Delimiter: '/',
      ContinuationToken: request.token || undefined,
      MaxKeys: request.pageSize ?? DEFAULT_PAGE_SIZE,
    }),
  );
  return {
    prefix: request.prefix,
    folders: (page.CommonPrefixes ?? []).flatMap((common) => (common.Prefix ? [common.Prefix] : [])),
    objects: (page.Contents ?? [])
      // The folder's own marker object ("photos/") is the folder, not an entry in it.
      .filter((object) => object.Key !== undefined && object.Key !== request.prefix)
      .map((object) => ({
        key: object.Key ?? '',
        size: object.Size ?? 0,
        lastModified: object.LastModified?.toISOString(),
        etag: object.ETag,
        storageClass: object.StorageClass ?? 'STANDARD',
      })),
    nextToken: page.IsTruncated ? page.NextContinuationToken : undefined,
  };
}
