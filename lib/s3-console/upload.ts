import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

/** Parts of 8 MiB, two in flight: at most ~16 MiB of a file is held in memory, whatever its size. */
export const UPLOAD_PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export type UploadRequest = {
  bucket: string;
  key: string;
  body: ReadableStream<Uint8Array>;
  contentType?: string;
};

export type UploadedObject = { key: string; etag: string | undefined; versionId: string | undefined };

/**
 * Streams a request body to S3: one PutObject for a small file, a multipart upload above one part
 * (aborted, not left behind, when it fails).
 */
export async function uploadStream(s3: S3Client, request: UploadRequest): Promise<UploadedObject> {
  const upload = new Upload({
    client: s3,
    params: {
      Bucket: request.bucket,
      Key: request.key,
      Body: Readable.fromWeb(request.body as NodeWebStream<Uint8Array>),
      ContentType: request.contentType || undefined,
    },
    partSize: UPLOAD_PART_SIZE,
    queueSize: PARTS_IN_FLIGHT,
    leavePartsOnError: false,
  });
  const result = await upload.done();
  return { key: request.key, etag: result.ETag, versionId: result.VersionId };
}
