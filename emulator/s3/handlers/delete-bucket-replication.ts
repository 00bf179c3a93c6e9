import type { S3Context, S3Response } from '../../http/types';
import { checkExpectedBucketOwner } from '../../replication/configuration-api';
import { deleteReplicationConfiguration } from '../../store/replication-config';

/** DELETE /{Bucket}?replication: 204, also when there is nothing to delete (observed). */
export async function deleteBucketReplication(ctx: S3Context): Promise<S3Response> {
  checkExpectedBucketOwner(ctx);
  const bucket = ctx.store.buckets.require(ctx.bucket);
  deleteReplicationConfiguration(ctx.store.db, ctx.store.buckets, bucket);
  return { status: 204, headers: {} };
}
