import {
  DeleteBucketTaggingCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { BucketProperties } from '@/lib/queries/bucket';
import type { VersioningState } from '@/lib/queries/buckets';
import { validateTagSet, type S3Tag } from '@/lib/s3/tags';
import { existingBucketField } from './bucket-inputs';
import { errorName } from './service-error';

export const setVersioningInput = z.object({
  bucket: existingBucketField,
  status: z.enum(['Enabled', 'Suspended'], { error: 'Choose Enable or Suspend.' }),
});
export type SetVersioningInput = z.infer<typeof setVersioningInput>;

export const putBucketTagsInput = z
  .object({
    bucket: existingBucketField,
    tags: z.array(z.object({ Key: z.string(), Value: z.string() })),
  })
  .superRefine((input, ctx) => {
    for (const issue of validateTagSet(input.tags, 'bucket')) {
      ctx.addIssue({ code: 'custom', path: issue.index === undefined ? ['tags'] : ['tags', issue.index], message: issue.message });
    }
  });
export type PutBucketTagsInput = z.infer<typeof putBucketTagsInput>;

async function bucketTags(s3: S3Client, bucket: string): Promise<S3Tag[]> {
  try {
    const { TagSet } = await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }));
    return (TagSet ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
  } catch (error) {
    if (errorName(error) === 'NoSuchTagSet') return [];
    throw error;
  }
}

async function replicationRuleCount(s3: S3Client, bucket: string): Promise<number> {
  try {
    const { ReplicationConfiguration } = await s3.send(new GetBucketReplicationCommand({ Bucket: bucket }));
    return ReplicationConfiguration?.Rules?.length ?? 0;
  } catch (error) {
    if (errorName(error) === 'ReplicationConfigurationNotFoundError') return 0;
    throw error;
  }
}

export async function bucketProperties(s3: S3Client, bucket: string, region: string): Promise<BucketProperties> {
  const [versioning, tags, replicationRules] = await Promise.all([
    s3.send(new GetBucketVersioningCommand({ Bucket: bucket })),
    bucketTags(s3, bucket),
    replicationRuleCount(s3, bucket),
  ]);
  const state: VersioningState =
    versioning.Status === 'Enabled' || versioning.Status === 'Suspended' ? versioning.Status : 'NeverEnabled';
  return { name: bucket, region, versioning: state, tags, replicationRules };
}

export async function setBucketVersioning(s3: S3Client, input: SetVersioningInput): Promise<SetVersioningInput> {
  await s3.send(new PutBucketVersioningCommand({ Bucket: input.bucket, VersioningConfiguration: { Status: input.status } }));
  return input;
}

/** Replaces the bucket's whole tag set; an empty set deletes it (S3 refuses an empty PutBucketTagging). */
export async function putBucketTags(s3: S3Client, input: PutBucketTagsInput): Promise<{ tags: S3Tag[] }> {
  if (input.tags.length === 0) await s3.send(new DeleteBucketTaggingCommand({ Bucket: input.bucket }));
  else await s3.send(new PutBucketTaggingCommand({ Bucket: input.bucket, Tagging: { TagSet: input.tags } }));
  return { tags: input.tags };
}
