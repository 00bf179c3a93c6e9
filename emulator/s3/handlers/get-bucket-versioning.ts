import type { S3Context, S3Response } from '../../http/types';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

export async function getBucketVersioning(ctx: S3Context): Promise<S3Response> {
  const bucket = ctx.store.buckets.require(ctx.bucket);
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('VersioningConfiguration', [el('Status', bucket.versioning)]),
  };
}
