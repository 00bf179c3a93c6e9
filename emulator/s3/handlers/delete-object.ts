import type { S3Context, S3Response } from '../../http/types';
import { ACCOUNT_CANONICAL_ID } from '../owner';

export async function deleteObject(ctx: S3Context): Promise<S3Response> {
  const versionId = ctx.query.get('versionId') ?? undefined;
  const result = await ctx.store.objects.delete(ctx.bucket, ctx.key, versionId, ACCOUNT_CANONICAL_ID);
  const headers: Record<string, string> = {};
  if (result.deleteMarker) headers['x-amz-delete-marker'] = 'true';
  if (result.versionId !== null) headers['x-amz-version-id'] = result.versionId;
  return { status: 204, headers };
}
