import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef } from '@/lib/queries/objects';

/** `attachment` with the key's last segment as the file name, safe for any characters (RFC 6266 / 5987). */
export function contentDisposition(key: string): string {
  const name = key.split('/').filter(Boolean).pop() ?? 'download';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GetObject as a streamed Response: the object is never held in memory. */
export async function downloadResponse(s3: S3Client, bucket: string, ref: ObjectRef): Promise<Response> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: ref.key, VersionId: ref.versionId }));
  const headers = new Headers({
    'content-type': object.ContentType ?? 'application/octet-stream',
    'content-disposition': contentDisposition(ref.key),
    'cache-control': 'no-store',
  });
  if (object.ContentLength !== undefined) headers.set('content-length', String(object.ContentLength));
  if (object.ETag) headers.set('etag', object.ETag);
  const body = object.Body?.transformToWebStream();
  return new Response(body ?? null, { status: 200, headers });
}
