import { errorBody } from '@/lib/aws/route-handler';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { downloadResponse } from '@/lib/s3-console/download';
import { optionalParam, requiredParam, type BucketRouteContext } from '@/lib/s3-console/request-params';

/** GET ?key=…&versionId=… → the object's bytes, streamed, as an attachment. */
export async function GET(request: Request, { params }: BucketRouteContext): Promise<Response> {
  try {
    const { bucket } = await params;
    const url = new URL(request.url);
    const ref = { key: requiredParam(url, 'key'), versionId: optionalParam(url, 'versionId') };
    return await downloadResponse(await s3ForBucket(bucket), bucket, ref);
  } catch (error) {
    const { status, body } = errorBody(error);
    return Response.json(body, { status });
  }
}
