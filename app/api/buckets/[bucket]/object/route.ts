import { jsonRoute } from '@/lib/aws/route-handler';
import type { ObjectDetails } from '@/lib/queries/objects';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { describeObject } from '@/lib/s3-console/object-details';
import { optionalParam, requiredParam, type BucketRouteContext } from '@/lib/s3-console/request-params';

/** GET ?key=…&versionId=… → the object's (or version's) details. */
export const GET = jsonRoute(async (request: Request, { params }: BucketRouteContext): Promise<ObjectDetails> => {
  const { bucket } = await params;
  const url = new URL(request.url);
  return describeObject(await s3ForBucket(bucket), bucket, {
    key: requiredParam(url, 'key'),
    versionId: optionalParam(url, 'versionId'),
  });
});
