import type { S3Context, S3Response } from '../../http/types';
import { readXmlBody } from '../request-xml';
import { MAX_BUCKET_TAGS, tagsFromXml, validateTags } from '../tags';

export async function putBucketTagging(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.require(ctx.bucket);
  const tags = validateTags(tagsFromXml(await readXmlBody(ctx, 'Tagging')), MAX_BUCKET_TAGS, 'bucket');
  ctx.store.buckets.setTags(ctx.bucket, tags);
  return { status: 204, headers: {} };
}
