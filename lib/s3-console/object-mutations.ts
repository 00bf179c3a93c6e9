import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { CreateFolderInput, DeleteObjectsInput, DeleteVersionInput } from './object-inputs';
import { consoleServiceError } from './service-error';

export type DeleteOutcome = {
  /** Objects removed for good (unversioned bucket). */
  deleted: number;
  /** Objects that got a delete marker instead (versioned bucket): their versions remain. */
  deleteMarkers: number;
  failures: { key: string; code: string; message: string }[];
};

const DELETE_BATCH = 1000;

async function deleteBatch(s3: S3Client, bucket: string, keys: readonly string[], outcome: DeleteOutcome): Promise<void> {
  const result = await s3.send(
    new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: false } }),
  );
  for (const deleted of result.Deleted ?? []) {
    if (deleted.DeleteMarker) outcome.deleteMarkers += 1;
    else outcome.deleted += 1;
  }
  for (const error of result.Errors ?? []) {
    outcome.failures.push({ key: error.Key ?? '', code: error.Code ?? 'Error', message: error.Message ?? '' });
  }
}

/** Every key under a folder, a page at a time, so a folder of any size is deleted in batches of 1,000. */
async function* keysUnder(s3: S3Client, bucket: string, prefix: string): AsyncGenerator<string[]> {
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: DELETE_BATCH }),
    );
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
    if (keys.length > 0) yield keys;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

export async function deleteObjects(s3: S3Client, input: DeleteObjectsInput): Promise<DeleteOutcome> {
  const outcome: DeleteOutcome = { deleted: 0, deleteMarkers: 0, failures: [] };
  for (let start = 0; start < input.keys.length; start += DELETE_BATCH) {
    await deleteBatch(s3, input.bucket, input.keys.slice(start, start + DELETE_BATCH), outcome);
  }
  for (const folder of input.folders) {
    for await (const keys of keysUnder(s3, input.bucket, folder)) await deleteBatch(s3, input.bucket, keys, outcome);
  }
  return outcome;
}

export async function createFolder(s3: S3Client, input: CreateFolderInput): Promise<{ prefix: string }> {
  const prefix = `${input.parent}${input.name}/`;
  const existing = await s3.send(new ListObjectsV2Command({ Bucket: input.bucket, Prefix: prefix, MaxKeys: 1 }));
  if ((existing.KeyCount ?? 0) > 0) {
    throw consoleServiceError('FolderAlreadyExists', `A folder named ${input.name} already exists here.`, 409);
  }
  // A folder in S3 is a zero-byte object whose key ends in "/", as the AWS console makes it.
  await s3.send(new PutObjectCommand({ Bucket: input.bucket, Key: prefix, Body: '' }));
  return { prefix };
}

/** Deletes one version for good. S3 never replicates this delete, whatever the rules say. */
export async function deleteVersion(s3: S3Client, input: DeleteVersionInput): Promise<{ key: string; versionId: string }> {
  await s3.send(new DeleteObjectCommand({ Bucket: input.bucket, Key: input.key, VersionId: input.versionId }));
  return { key: input.key, versionId: input.versionId };
}
