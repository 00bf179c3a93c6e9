import { jsonRoute } from '@/lib/aws/route-handler';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { objectKeyField } from '@/lib/s3-console/object-inputs';
import { requiredParam, type BucketRouteContext } from '@/lib/s3-console/request-params';
import { putSmallObject } from '@/lib/s3-console/upload';
import { declaredBody, parseOrThrow } from '@/lib/s3-console/upload-requests';

/**
 * PUT ?key=… with a file of at most one part (8 MiB) as the raw body; Content-Type is the file's type.
 * The body is streamed to PutObject as it arrives. Larger files go through ../uploads (multipart).
 */
export const PUT = jsonRoute(async (request: Request, { params }: BucketRouteContext) => {
  const { bucket } = await params;
  const key = parseOrThrow(objectKeyField, requiredParam(new URL(request.url), 'key'));
  return putSmallObject(await s3ForBucket(bucket), {
    bucket,
    key,
    body: declaredBody(request),
    contentType: request.headers.get('content-type') ?? undefined,
  });
});
