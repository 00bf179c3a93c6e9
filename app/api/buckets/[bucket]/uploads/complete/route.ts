import { jsonRoute } from '@/lib/aws/route-handler';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import type { BucketRouteContext } from '@/lib/s3-console/request-params';
import { completeMultipartUpload } from '@/lib/s3-console/upload';
import { completeUploadRequest, parseOrThrow } from '@/lib/s3-console/upload-requests';

/** POST { key, uploadId, parts: [{ partNumber, etag }] } → the new object (its version id when versioned). */
export const POST = jsonRoute(async (request: Request, { params }: BucketRouteContext) => {
  const { bucket } = await params;
  const input = parseOrThrow(completeUploadRequest, await request.json().catch(() => undefined));
  return completeMultipartUpload(await s3ForBucket(bucket), { bucket, ...input });
});
