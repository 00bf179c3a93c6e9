'use server';

import { action } from '@/lib/actions/action';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { deleteVersionInput } from '@/lib/s3-console/object-inputs';
import { deleteVersion } from '@/lib/s3-console/object-mutations';

export const deleteVersionAction = action(deleteVersionInput, async (input) => deleteVersion(await s3ForBucket(input.bucket), input));
