import type { S3Context, S3Response } from '../../http/types';

export async function deleteObjectTagging(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.require(ctx.bucket);
  const version = ctx.store.objects.setTags(ctx.bucket, ctx.key, ctx.query.get('versionId') ?? undefined, []);
  return { status: 204, headers: { 'x-amz-version-id': version.versionId } };
}
