import type { S3Context, S3Response } from '../../http/types';
import { tagSetXml } from '../tags';
import { xmlDocument, xmlResponseHeaders } from '../xml';

export async function getObjectTagging(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.require(ctx.bucket);
  const version = ctx.store.objects.resolveForRead(ctx.bucket, ctx.key, ctx.query.get('versionId') ?? undefined, 'GET');
  return {
    status: 200,
    headers: { ...xmlResponseHeaders(), 'x-amz-version-id': version.versionId },
    body: xmlDocument('Tagging', [tagSetXml(version.tags)]),
  };
}
