import {
  CreateBucketCommand,
  DeleteBucketCommand,
  HeadBucketCommand,
  PutBucketVersioningCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import type { CreateBucketInput, DeleteBucketInput } from './bucket-inputs';
import type { S3ClientFor } from './clients';
import { consoleServiceError, httpStatusOf } from './service-error';

export type CreatedBucket = { name: string; region: string; versioning: 'Enabled' | 'NeverEnabled' };

/**
 * S3 in us-east-1 answers 200 to a repeated CreateBucket by the same owner, so ask first: the user must hear that the
 * bucket exists, and its settings (versioning) must not change.
 */
async function assertBucketAbsent(s3: S3ClientFor, input: CreateBucketInput): Promise<void> {
  try {
    await s3(input.region).send(new HeadBucketCommand({ Bucket: input.name }));
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404) return;
    if (status === 403) {
      throw consoleServiceError(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        409,
      );
    }
    // A region redirect (301) or anything else: let CreateBucket give the authoritative answer.
    return;
  }
  throw consoleServiceError(
    'BucketAlreadyOwnedByYou',
    `You already own a bucket named ${input.name}. Your previous request to create the named bucket succeeded.`,
    409,
  );
}

export async function createBucket(s3: S3ClientFor, input: CreateBucketInput): Promise<CreatedBucket> {
  await assertBucketAbsent(s3, input);
  const client = s3(input.region);
  await client.send(
    new CreateBucketCommand({
      Bucket: input.name,
      // us-east-1 is the one region S3 refuses as an explicit LocationConstraint.
      CreateBucketConfiguration:
        input.region === 'us-east-1' ? undefined : { LocationConstraint: input.region as BucketLocationConstraint },
    }),
  );
  if (input.versioning) {
    await client.send(
      new PutBucketVersioningCommand({ Bucket: input.name, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  }
  return { name: input.name, region: input.region, versioning: input.versioning ? 'Enabled' : 'NeverEnabled' };
}

export async function deleteBucket(s3: S3ClientFor, input: DeleteBucketInput, region?: string): Promise<{ name: string }> {
  await s3(region).send(new DeleteBucketCommand({ Bucket: input.name }));
  return { name: input.name };
}
