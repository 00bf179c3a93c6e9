import type { S3Context, S3Response } from '../../http/types';

export async function deleteBucketTagging(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.setTags(ctx.bucket, null);
  return { status: 204, headers: {} };
}
