import { isCommercialRegion, regionFromLocationConstraint } from '@/lib/regions';
import type { S3Context, S3Response } from '../../http/types';
import { bucketNameProblem } from '../bucket-name';
import { S3Error } from '../errors';
import { ACCOUNT_CANONICAL_ID } from '../owner';
import { readOptionalXmlBody } from '../request-xml';
import { childText } from '../xml';

/** us-east-1: the region of a bucket created without a LocationConstraint. */
const UNCONSTRAINED_REGION = regionFromLocationConstraint(undefined);

function regionFromConstraint(constraint: string | undefined): string {
  if (constraint === undefined || constraint === '') return UNCONSTRAINED_REGION;
  const region = regionFromLocationConstraint(constraint);
  // An explicit us-east-1 is refused, as S3 does (us-east-1 is expressed by sending no constraint).
  if (region === UNCONSTRAINED_REGION || !isCommercialRegion(region)) {
    throw new S3Error('InvalidLocationConstraint', { extra: { LocationConstraint: constraint } });
  }
  return region;
}

/**
 * NOTE: one endpoint serves every region, so the bucket's region comes from LocationConstraint alone and
 * IllegalLocationConstraintException (constraint vs. regional endpoint) never happens.
 */
export async function createBucket(ctx: S3Context): Promise<S3Response> {
  const problem = bucketNameProblem(ctx.bucket);
  if (problem) throw new S3Error('InvalidBucketName', { extra: { BucketName: ctx.bucket } });
  if (ctx.headers['x-amz-bucket-object-lock-enabled'] === 'true') {
    throw new S3Error('NotImplemented', { message: 'Object Lock is not implemented by the embedded endpoint.' });
  }
  const config = await readOptionalXmlBody(ctx, 'CreateBucketConfiguration');
  const region = regionFromConstraint(config ? childText(config, 'LocationConstraint') : undefined);
  const { bucket, created } = ctx.store.buckets.create(ctx.bucket, region, ACCOUNT_CANONICAL_ID);
  if (!created && bucket.region !== UNCONSTRAINED_REGION) {
    throw new S3Error('BucketAlreadyOwnedByYou', { extra: { BucketName: ctx.bucket } });
  }
  return { status: 200, headers: { location: `/${ctx.bucket}` } };
}
