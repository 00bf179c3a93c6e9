import { errorBody } from '@/lib/aws/route-handler';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { objectKeyField } from '@/lib/s3-console/object-inputs';
import { requiredParam, type BucketRouteContext } from '@/lib/s3-console/request-params';
import { consoleServiceError } from '@/lib/s3-console/service-error';
import { uploadStream, type UploadedObject } from '@/lib/s3-console/upload';

/**
 * PUT ?key=… with the file as the raw body (Content-Type = the file's type). The body is streamed to S3 as it
 * arrives (multipart above 8 MiB), never buffered whole; the browser measures progress on its side of the socket.
 */
export async function PUT(request: Request, { params }: BucketRouteContext): Promise<Response> {
  try {
    const { bucket } = await params;
    const key = objectKeyField.safeParse(requiredParam(new URL(request.url), 'key'));
    if (!key.success) throw consoleServiceError('KeyTooLongError', key.error.issues[0].message, 400);
    const uploaded: UploadedObject = await uploadStream(await s3ForBucket(bucket), {
      bucket,
      key: key.data,
      // An empty file arrives without a body stream.
      body: request.body ?? new Blob([]).stream(),
      contentType: request.headers.get('content-type') ?? undefined,
    });
    return Response.json(uploaded, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const { status, body } = errorBody(error);
    return Response.json(body, { status });
  }
}
