import { z } from 'zod';
import { isCommercialRegion } from '@/lib/regions';
import { validateBucketName } from '@/lib/s3/bucket-name';

/** Input schemas of the bucket actions; pure so the create form can check a name as the user types. */

export const bucketNameField = z.string().superRefine((name, ctx) => {
  for (const message of validateBucketName(name)) ctx.addIssue({ code: 'custom', message });
});

export const regionField = z
  .string({ error: 'Choose an AWS Region.' })
  .refine((region) => isCommercialRegion(region), 'Choose an AWS Region.');

export const createBucketInput = z.object({
  name: bucketNameField,
  region: regionField,
  versioning: z.boolean(),
});
export type CreateBucketInput = z.infer<typeof createBucketInput>;

export const deleteBucketInput = z
  .object({ name: z.string().min(1), confirmation: z.string() })
  .refine((input) => input.confirmation === input.name, {
    path: ['confirmation'],
    message: 'Type the bucket name exactly to confirm the deletion.',
  });
export type DeleteBucketInput = z.infer<typeof deleteBucketInput>;

/** A bucket name in a route or an action that only names an existing bucket (S3 answers for a bad one). */
export const existingBucketField = z.string().min(1, 'A bucket name is required.').max(255);
