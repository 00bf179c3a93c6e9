import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Copier, CopyItem } from './types';

/** CopyObject copies up to 5 GB in one request; larger objects need UploadPartCopy. */
export const SINGLE_COPY_LIMIT = 5 * 1024 ** 3;
const PART_SIZE = 512 * 1024 ** 2;

function copySource(bucket: string, item: CopyItem): string {
  const path = `${bucket}/${item.key}`
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return item.versionId && item.versionId !== 'null' ? `${path}?versionId=${encodeURIComponent(item.versionId)}` : path;
}

async function multipartCopy(source: S3Client, destination: S3Client, sourceBucket: string, destinationBucket: string, item: CopyItem, signal: AbortSignal) {
  const head = await source.send(new HeadObjectCommand({ Bucket: sourceBucket, Key: item.key, VersionId: item.versionId }), { abortSignal: signal });
  const size = head.ContentLength ?? item.size;
  const { UploadId } = await destination.send(
    new CreateMultipartUploadCommand({
      Bucket: destinationBucket,
      Key: item.key,
      ContentType: head.ContentType,
      ContentEncoding: head.ContentEncoding,
      ContentDisposition: head.ContentDisposition,
      CacheControl: head.CacheControl,
      Metadata: head.Metadata,
      StorageClass: head.StorageClass,
    }),
    { abortSignal: signal },
  );
  try {
    const parts: { ETag: string | undefined; PartNumber: number }[] = [];
    for (let start = 0, number = 1; start < size; start += PART_SIZE, number += 1) {
      const end = Math.min(start + PART_SIZE, size) - 1;
      const part = await destination.send(
        new UploadPartCopyCommand({
          Bucket: destinationBucket,
          Key: item.key,
          UploadId,
          PartNumber: number,
          CopySource: copySource(sourceBucket, item),
          CopySourceRange: `bytes=${start}-${end}`,
        }),
        { abortSignal: signal },
      );
      parts.push({ ETag: part.CopyPartResult?.ETag, PartNumber: number });
    }
    await destination.send(
      new CompleteMultipartUploadCommand({ Bucket: destinationBucket, Key: item.key, UploadId, MultipartUpload: { Parts: parts } }),
    );
  } catch (error) {
    await destination.send(new AbortMultipartUploadCommand({ Bucket: destinationBucket, Key: item.key, UploadId })).catch(() => undefined);
    throw error;
  }
}

/**
 * Plain copies (any S3-compatible backend): CopyObject with the source's metadata and tags, UploadPartCopy in
 * 512 MB parts above 5 GB. The copies are new versions at the destination, not replicas.
 */
export function copyObjectCopier(source: S3Client, destination: S3Client, sourceBucket: string, destinationBucket: string): Copier {
  return async (item, signal) => {
    if (item.size > SINGLE_COPY_LIMIT) {
      await multipartCopy(source, destination, sourceBucket, destinationBucket, item, signal);
    } else {
      await destination.send(
        new CopyObjectCommand({
          Bucket: destinationBucket,
          Key: item.key,
          CopySource: copySource(sourceBucket, item),
          MetadataDirective: 'COPY',
          TaggingDirective: 'COPY',
        }),
        { abortSignal: signal },
      );
    }
    return { status: 'copied' };
  };
}
