import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { UPLOAD_PART_BYTES } from '@/lib/queries/objects';
import { consoleServiceError } from './service-error';

/**
 * Browser uploads arrive in requests of at most one part (8 MiB): the console's request proxy buffers at most
 * 10 MB of a body and silently cuts the rest, and a part-sized request keeps memory bounded whatever the file size.
 * A file of one part is one PutObject; a larger one a multipart upload driven part by part by the browser.
 */
export const UPLOAD_PART_SIZE = UPLOAD_PART_BYTES;

export type UploadedObject = { key: string; etag: string | undefined; versionId: string | undefined };

/** A request body with the length it declared: the bytes are counted and a short or long body fails the call. */
export type DeclaredBody = { stream: ReadableStream<Uint8Array>; contentLength: number };

/**
 * Sends the body to S3 and fails (S3 keeps nothing) when it does not hold exactly the declared bytes: a short or
 * long body aborts the request rather than letting S3 store a cut file or wait for bytes that never come.
 */
async function sendChecked<T>(body: DeclaredBody, send: (stream: Readable, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let mismatch: Error | undefined;
  let received = 0;
  const fail = (controller: TransformStreamDefaultController<Uint8Array>) => {
    mismatch = truncated(body.contentLength, received);
    abort.abort(mismatch);
    controller.terminate();
  };
  const counting = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > body.contentLength) fail(controller);
      else controller.enqueue(chunk);
    },
    flush(controller) {
      if (received !== body.contentLength) fail(controller);
    },
  });
  const stream = Readable.fromWeb(body.stream.pipeThrough(counting) as NodeWebStream<Uint8Array>);
  try {
    return await send(stream, abort.signal);
  } catch (error) {
    throw mismatch ?? error;
  } finally {
    stream.destroy();
  }
}

function truncated(declared: number, received: number) {
  return consoleServiceError(
    'IncompleteBody',
    `The upload declared ${declared} bytes but ${received} arrived; nothing was stored.`,
    400,
  );
}

export function assertPartSized(contentLength: number): void {
  if (!Number.isSafeInteger(contentLength) || contentLength < 0) {
    throw consoleServiceError('MissingContentLength', 'The upload must declare its Content-Length.', 411);
  }
  if (contentLength > UPLOAD_PART_SIZE) {
    throw consoleServiceError('EntityTooLarge', `Send at most ${UPLOAD_PART_SIZE} bytes per request; larger files go part by part.`, 413);
  }
}

export async function putSmallObject(
  s3: S3Client,
  request: { bucket: string; key: string; body: DeclaredBody; contentType?: string },
): Promise<UploadedObject> {
  assertPartSized(request.body.contentLength);
  const result = await sendChecked(request.body, (stream, abortSignal) =>
    s3.send(
      new PutObjectCommand({
        Bucket: request.bucket,
        Key: request.key,
        Body: stream,
        ContentLength: request.body.contentLength,
        ContentType: request.contentType || undefined,
      }),
      { abortSignal },
    ),
  );
  return { key: request.key, etag: result.ETag, versionId: result.VersionId };
}

export async function startMultipartUpload(
  s3: S3Client,
  request: { bucket: string; key: string; contentType?: string },
): Promise<{ uploadId: string }> {
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: request.bucket, Key: request.key, ContentType: request.contentType || undefined }),
  );
  if (!UploadId) throw consoleServiceError('InternalError', 'S3 did not return an upload id.', 502);
  return { uploadId: UploadId };
}

export async function uploadPart(
  s3: S3Client,
  request: { bucket: string; key: string; uploadId: string; partNumber: number; body: DeclaredBody },
): Promise<{ partNumber: number; etag: string }> {
  assertPartSized(request.body.contentLength);
  const { ETag } = await sendChecked(request.body, (stream, abortSignal) =>
    s3.send(
      new UploadPartCommand({
        Bucket: request.bucket,
        Key: request.key,
        UploadId: request.uploadId,
        PartNumber: request.partNumber,
        Body: stream,
        ContentLength: request.body.contentLength,
      }),
      { abortSignal },
    ),
  );
  if (!ETag) throw consoleServiceError('InternalError', 'S3 did not return the part ETag.', 502);
  return { partNumber: request.partNumber, etag: ETag };
}

export async function completeMultipartUpload(
  s3: S3Client,
  request: { bucket: string; key: string; uploadId: string; parts: readonly { partNumber: number; etag: string }[] },
): Promise<UploadedObject> {
  const result = await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: request.bucket,
      Key: request.key,
      UploadId: request.uploadId,
      MultipartUpload: { Parts: request.parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
    }),
  );
  return { key: request.key, etag: result.ETag, versionId: result.VersionId };
}

export async function abortMultipartUpload(s3: S3Client, request: { bucket: string; key: string; uploadId: string }): Promise<void> {
  await s3.send(new AbortMultipartUploadCommand({ Bucket: request.bucket, Key: request.key, UploadId: request.uploadId }));
}
