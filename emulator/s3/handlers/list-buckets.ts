import type { S3Context, S3Response } from '../../http/types';
import { ownerXml } from '../owner';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

// NOTE: every bucket is listed in one page (no max-buckets / continuation-token paging).
export async function listBuckets(ctx: S3Context): Promise<S3Response> {
  const prefix = ctx.query.get('prefix') ?? '';
  const region = ctx.query.get('bucket-region');
  const buckets = ctx.store.buckets
    .list()
    .filter((bucket) => bucket.name.startsWith(prefix) && (!region || bucket.region === region));
  const entries = buckets.map((bucket) =>
    el('Bucket', [el('Name', bucket.name), el('CreationDate', isoSeconds(bucket.createdAt)), el('BucketRegion', bucket.region)]),
  );
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListAllMyBucketsResult', [ownerXml(), el('Buckets', entries), prefix ? el('Prefix', prefix) : '']),
  };
}
