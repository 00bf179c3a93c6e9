import { jsonRoute } from '@/lib/aws/route-handler';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import type { BucketRouteContext } from '@/lib/s3-console/request-params';
import { uploadPart } from '@/lib/s3-console/upload';
import { declaredBody, parseOrThrow, partParams } from '@/lib/s3-console/upload-requests';

/** PUT ?key=…&uploadId=…&partNumber=N with one part (at most 8 MiB) as the raw body → { partNumber, etag }. */
export const PUT = jsonRoute(async (request: Request, { params }: BucketRouteContext) => {
  const { bucket } = await params;
  const part = parseOrThrow(partParams, Object.fromEntries(new URL(request.url).searchParams));
  return uploadPart(await s3ForBucket(bucket), { bucket, ...part, body: declaredBody(request) });
});
