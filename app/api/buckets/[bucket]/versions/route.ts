import { jsonRoute } from '@/lib/aws/route-handler';
import type { VersionPage } from '@/lib/queries/versions';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { optionalParam, type BucketRouteContext } from '@/lib/s3-console/request-params';
import { listVersionPage } from '@/lib/s3-console/version-listing';

/** GET ?prefix=…&keyMarker=…&versionIdMarker=… → one page of versions and delete markers. */
export const GET = jsonRoute(async (request: Request, { params }: BucketRouteContext): Promise<VersionPage> => {
  const { bucket } = await params;
  const url = new URL(request.url);
  const keyMarker = optionalParam(url, 'keyMarker');
  return listVersionPage(await s3ForBucket(bucket), {
    bucket,
    prefix: optionalParam(url, 'prefix') ?? '',
    marker: keyMarker ? { keyMarker, versionIdMarker: optionalParam(url, 'versionIdMarker') } : undefined,
  });
});
