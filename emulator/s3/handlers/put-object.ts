import type { S3Context, S3Response } from '../../http/types';
import { S3Error } from '../errors';
import { attributesFromRequest, checkKey } from '../object-attributes';
import { ACCOUNT_CANONICAL_ID } from '../owner';
import { checkDeclaredSize, MAX_SINGLE_PUT_BYTES } from '../request-size';

export async function putObject(ctx: S3Context): Promise<S3Response> {
  checkKey(ctx.key);
  ctx.store.buckets.require(ctx.bucket);
  checkDeclaredSize(ctx.headers, MAX_SINGLE_PUT_BYTES);
  const attributes = attributesFromRequest(ctx.headers);
  if (ctx.headers['if-none-match'] === '*') {
    const current = ctx.store.objects.find(ctx.bucket, ctx.key);
    if (current && !current.isDeleteMarker) throw new S3Error('PreconditionFailed', { extra: { Condition: 'If-None-Match' } });
  }
  const version = await ctx.store.objects.put(ctx.bucket, ctx.key, ctx.openBody(), {
    attributes,
    ownerId: ACCOUNT_CANONICAL_ID,
  });
  const headers: Record<string, string> = { etag: version.etag ?? '' };
  if (version.versionId !== 'null') headers['x-amz-version-id'] = version.versionId;
  if (version.checksum) {
    headers[`x-amz-checksum-${version.checksum.algorithm.toLowerCase()}`] = version.checksum.value;
    headers['x-amz-checksum-type'] = version.checksum.type;
  }
  if (version.sse) headers['x-amz-server-side-encryption'] = version.sse;
  if (version.sseKmsKeyId) headers['x-amz-server-side-encryption-aws-kms-key-id'] = version.sseKmsKeyId;
  return { status: 200, headers };
}
