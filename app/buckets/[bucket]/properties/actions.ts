'use server';

import { action } from '@/lib/actions/action';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { putBucketTags, putBucketTagsInput, setBucketVersioning, setVersioningInput } from '@/lib/s3-console/bucket-properties';

export const setBucketVersioningAction = action(setVersioningInput, async (input) =>
  setBucketVersioning(await s3ForBucket(input.bucket), input),
);

export const putBucketTagsAction = action(putBucketTagsInput, async (input) => putBucketTags(await s3ForBucket(input.bucket), input));
