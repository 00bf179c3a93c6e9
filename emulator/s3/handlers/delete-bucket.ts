import type { S3Context, S3Response } from '../../http/types';

export async function deleteBucket(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.delete(ctx.bucket);
  return { status: 204, headers: {} };
}
