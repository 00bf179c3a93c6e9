'use server';

import { action } from '@/lib/actions/action';
import { s3Client } from '@/lib/aws/clients';
import { createBucketInput, deleteBucketInput } from '@/lib/s3-console/bucket-inputs';
import { bucketRegion, forgetBucketRegion } from '@/lib/s3-console/bucket-client';
import { createBucket, deleteBucket } from '@/lib/s3-console/buckets';

export const createBucketAction = action(createBucketInput, (input) => createBucket(s3Client, input));

export const deleteBucketAction = action(deleteBucketInput, async (input) => {
  const deleted = await deleteBucket(s3Client, input, await bucketRegion(input.name));
  forgetBucketRegion(input.name);
  return deleted;
});
