import 'server-only';
import { GetBucketLocationCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3Client } from '@/lib/aws/clients';
import { regionFromLocationConstraint } from '@/lib/regions';

/** A bucket's region never changes while it exists; remember it for this server process. */
const knownRegions = new Map<string, string>();

export async function bucketRegion(bucket: string): Promise<string> {
  const known = knownRegions.get(bucket);
  if (known) return known;
  const { LocationConstraint } = await s3Client().send(new GetBucketLocationCommand({ Bucket: bucket }));
  const region = regionFromLocationConstraint(LocationConstraint);
  knownRegions.set(bucket, region);
  return region;
}

/** Forget a deleted bucket: a new bucket of that name may live elsewhere. */
export function forgetBucketRegion(bucket: string): void {
  knownRegions.delete(bucket);
}

/** The S3 client for the bucket's own region. */
export async function s3ForBucket(bucket: string): Promise<S3Client> {
  return s3Client(await bucketRegion(bucket));
}
