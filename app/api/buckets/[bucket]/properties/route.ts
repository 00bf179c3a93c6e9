import { s3Client } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import type { BucketProperties } from '@/lib/queries/bucket';
import { bucketRegion } from '@/lib/s3-console/bucket-client';
import { bucketProperties } from '@/lib/s3-console/bucket-properties';
import type { BucketRouteContext } from '@/lib/s3-console/request-params';

export const GET = jsonRoute(async (_request: Request, { params }: BucketRouteContext): Promise<BucketProperties> => {
  const { bucket } = await params;
  const region = await bucketRegion(bucket);
  return bucketProperties(s3Client(region), bucket, region);
});
