import type { S3Context, S3Response } from '../../http/types';
import { S3Error } from '../errors';
import { tagSetXml } from '../tags';
import { xmlDocument, xmlResponseHeaders } from '../xml';

export async function getBucketTagging(ctx: S3Context): Promise<S3Response> {
  const bucket = ctx.store.buckets.require(ctx.bucket);
  if (!bucket.tags || bucket.tags.length === 0) throw new S3Error('NoSuchTagSet', { extra: { BucketName: ctx.bucket } });
  return { status: 200, headers: xmlResponseHeaders(), body: xmlDocument('Tagging', [tagSetXml(bucket.tags)]) };
}
