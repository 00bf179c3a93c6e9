import { jsonRoute } from '@/lib/aws/route-handler';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { objectKeyField } from '@/lib/s3-console/object-inputs';
import { requiredParam, type BucketRouteContext } from '@/lib/s3-console/request-params';
import { abortMultipartUpload, startMultipartUpload } from '@/lib/s3-console/upload';
import { parseOrThrow, startUploadRequest } from '@/lib/s3-console/upload-requests';

/** POST { key, contentType } → { uploadId }: starts the multipart upload of a file larger than one part. */
export const POST = jsonRoute(async (request: Request, { params }: BucketRouteContext) => {
  const { bucket } = await params;
  const input = parseOrThrow(startUploadRequest, await request.json().catch(() => undefined));
  return startMultipartUpload(await s3ForBucket(bucket), { bucket, ...input });
});

/** DELETE ?key=…&uploadId=… aborts it, so no parts are left behind after a failure. */
export const DELETE = jsonRoute(async (request: Request, { params }: BucketRouteContext) => {
  const { bucket } = await params;
  const url = new URL(request.url);
  const key = parseOrThrow(objectKeyField, requiredParam(url, 'key'));
  await abortMultipartUpload(await s3ForBucket(bucket), { bucket, key, uploadId: requiredParam(url, 'uploadId') });
  return { aborted: true };
});
