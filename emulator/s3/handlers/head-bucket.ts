import type { S3Context, S3Response } from '../../http/types';

export async function headBucket(ctx: S3Context): Promise<S3Response> {
  const bucket = ctx.store.buckets.require(ctx.bucket);
  return {
    status: 200,
    headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' },
  };
}
