import { GetObjectTaggingCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SourceVersionDetails, SourceVersionLookup, SourceVersionRef } from '../types';

/** What a backend knows beyond S3's headers (the embedded endpoint's admin API): status and failure reason. */
export type VersionStatusSource = (
  bucket: string,
  ref: SourceVersionRef & { versionId?: string },
) => Promise<{ replicationStatus?: string; failureReason?: string } | undefined>;

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : undefined;
}

/**
 * Looks source versions up with HeadObject (status, encryption, storage class, version id), GetObjectTagging when
 * a rule filters on tags, and the backend's failure reason for FAILED versions. A delete marker cannot be HEADed:
 * only the backend's status source can tell about it.
 */
export function s3VersionLookup(s3: S3Client, bucket: string, statusSource?: VersionStatusSource): SourceVersionLookup {
  return async (ref, { withTags }) => {
    if (ref.isDeleteMarker) {
      const status = await statusSource?.(bucket, ref);
      return { versionId: ref.versionId, ...status };
    }
    let details: SourceVersionDetails;
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: ref.key, VersionId: ref.versionId }));
      details = {
        versionId: head.VersionId,
        replicationStatus: head.ReplicationStatus === 'COMPLETE' ? 'COMPLETED' : head.ReplicationStatus,
        sseAlgorithm: head.ServerSideEncryption ?? (head.SSECustomerAlgorithm ? 'SSE-C' : undefined),
        kmsKeyId: head.SSEKMSKeyId,
        storageClass: head.StorageClass,
      };
    } catch (error) {
      // Deleted or overwritten between the listing and the lookup: classify from what the listing said.
      if (errorName(error) === 'NotFound' || errorName(error) === 'NoSuchKey' || errorName(error) === 'NoSuchVersion') return {};
      throw error;
    }
    if (withTags) {
      const tagging = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: ref.key, VersionId: details.versionId }));
      details.tags = (tagging.TagSet ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
    }
    if (details.replicationStatus === 'FAILED' && statusSource) {
      const status = await statusSource(bucket, { ...ref, versionId: details.versionId });
      if (status?.failureReason) details.failureReason = status.failureReason;
    }
    return details;
  };
}
