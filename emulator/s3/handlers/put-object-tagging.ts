import type { S3Context, S3Response } from '../../http/types';
import { readXmlBody } from '../request-xml';
import { MAX_OBJECT_TAGS, tagsFromXml, validateTags } from '../tags';

export async function putObjectTagging(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.require(ctx.bucket);
  const versionId = ctx.query.get('versionId') ?? undefined;
  ctx.store.objects.resolveForRead(ctx.bucket, ctx.key, versionId, 'PUT');
  const tags = validateTags(tagsFromXml(await readXmlBody(ctx, 'Tagging')), MAX_OBJECT_TAGS, 'object');
  const version = ctx.store.objects.setTags(ctx.bucket, ctx.key, versionId, tags);
  return { status: 200, headers: { 'x-amz-version-id': version.versionId } };
}
