import { jsonRoute } from '@/lib/aws/route-handler';
import type { ObjectPage } from '@/lib/queries/objects';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { listObjectPage } from '@/lib/s3-console/object-listing';
import { optionalParam, type BucketRouteContext } from '@/lib/s3-console/request-params';

/** GET ?prefix=photos/&token=… → one page of that folder. */
export const GET = jsonRoute(async (request: Request, { params }: BucketRouteContext): Promise<ObjectPage> => {
  const { bucket } = await params;
  const url = new URL(request.url);
  return listObjectPage(await s3ForBucket(bucket), {
    bucket,
    prefix: optionalParam(url, 'prefix') ?? '',
    token: optionalParam(url, 'token'),
  });
});
