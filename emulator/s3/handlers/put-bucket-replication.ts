import type { S3Context, S3Response } from '../../http/types';
import { checkExpectedBucketOwner, readValidConfiguration, storeConfiguration } from '../../replication/configuration-api';
import { authorizeReplicationRole } from '../../replication/pass-role';

/** PUT /{Bucket}?replication: validates like S3 and replaces the whole configuration. */
export async function putBucketReplication(ctx: S3Context): Promise<S3Response> {
  checkExpectedBucketOwner(ctx);
  const bucket = ctx.store.buckets.require(ctx.bucket);
  const config = await readValidConfiguration(ctx, bucket);
  authorizeReplicationRole(ctx, config.Role);
  storeConfiguration(ctx, bucket, config);
  return { status: 200, headers: {} };
}
