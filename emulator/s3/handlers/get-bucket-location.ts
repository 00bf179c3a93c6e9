import type { S3Context, S3Response } from '../../http/types';
import { escapeXml } from '../errors';
import { DEFAULT_REGION } from '../regions';
import { S3_XMLNS, xmlResponseHeaders } from '../xml';

export async function getBucketLocation(ctx: S3Context): Promise<S3Response> {
  const bucket = ctx.store.buckets.require(ctx.bucket);
  const constraint = bucket.region === DEFAULT_REGION ? '' : escapeXml(bucket.region);
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">${constraint}</LocationConstraint>`,
  };
}
