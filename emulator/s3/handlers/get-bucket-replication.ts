import type { S3Context, S3Response } from '../../http/types';
import { checkExpectedBucketOwner, configurationNotFound } from '../../replication/configuration-api';
import { xmlResponseHeaders } from '../xml';

/** GET /{Bucket}?replication: exactly the stored configuration (generated rule IDs included). */
export async function getBucketReplication(ctx: S3Context): Promise<S3Response> {
  checkExpectedBucketOwner(ctx);
  const bucket = ctx.store.buckets.require(ctx.bucket);
  if (bucket.replicationConfig === null) throw configurationNotFound(ctx.bucket);
  return { status: 200, headers: xmlResponseHeaders(), body: bucket.replicationConfig };
}
