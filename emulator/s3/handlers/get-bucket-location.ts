import { regionFromLocationConstraint } from '@/lib/regions';
import type { S3Context, S3Response } from '../../http/types';
import { escapeXml } from '../errors';
import { S3_XMLNS, xmlResponseHeaders } from '../xml';

export async function getBucketLocation(ctx: S3Context): Promise<S3Response> {
  const bucket = ctx.store.buckets.require(ctx.bucket);
  // us-east-1 is the region an empty LocationConstraint means, so it is answered as an empty element.
  const constraint = bucket.region === regionFromLocationConstraint('') ? '' : escapeXml(bucket.region);
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_XMLNS}">${constraint}</LocationConstraint>`,
  };
}
