import { GetObjectTaggingCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectDetails, ObjectRef, ReplicationStatus, ReplicationStatuses } from '@/lib/queries/objects';
import { objectRefId } from '@/lib/queries/objects';
import { errorName, httpStatusOf } from './service-error';

const REPLICATION_STATUSES: ReadonlySet<string> = new Set(['PENDING', 'COMPLETED', 'FAILED', 'REPLICA']);

function replicationStatus(value: string | undefined): ReplicationStatus | undefined {
  // Older S3 answers spell COMPLETED as COMPLETE.
  const normalised = value === 'COMPLETE' ? 'COMPLETED' : value;
  return normalised && REPLICATION_STATUSES.has(normalised) ? (normalised as ReplicationStatus) : undefined;
}

export async function describeObject(s3: S3Client, bucket: string, ref: ObjectRef): Promise<ObjectDetails> {
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: ref.key, VersionId: ref.versionId }));
  let tags: ObjectDetails['tags'] = [];
  try {
    const tagging = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: ref.key, VersionId: ref.versionId }));
    tags = (tagging.TagSet ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
  } catch (error) {
    // Tags are one detail among many: a refusal to read them should not hide the rest.
    if (errorName(error) !== 'AccessDenied') throw error;
  }
  return {
    key: ref.key,
    versionId: head.VersionId ?? ref.versionId,
    size: head.ContentLength ?? 0,
    etag: head.ETag,
    storageClass: head.StorageClass ?? 'STANDARD',
    contentType: head.ContentType,
    lastModified: head.LastModified?.toISOString(),
    metadata: head.Metadata ?? {},
    tags,
    replicationStatus: replicationStatus(head.ReplicationStatus),
  };
}

/** HEAD each object (a few at a time) for its replication status; objects gone meanwhile are left out. */
export async function replicationStatuses(
  s3: S3Client,
  bucket: string,
  refs: readonly ObjectRef[],
  concurrency = 8,
): Promise<ReplicationStatuses> {
  const statuses: ReplicationStatuses = {};
  let next = 0;
  async function worker(): Promise<void> {
    while (next < refs.length) {
      const ref = refs[next++];
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: ref.key, VersionId: ref.versionId }));
        const status = replicationStatus(head.ReplicationStatus);
        if (status) statuses[objectRefId(ref)] = status;
      } catch (error) {
        const status = httpStatusOf(error);
        // 404: deleted since it was listed; 405: a delete marker. Neither has a replication status to show.
        if (status !== 404 && status !== 405) throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, refs.length) }, worker));
  return statuses;
}
