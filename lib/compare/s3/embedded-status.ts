import { adminVersionStatus, type AdminJson } from './admin-api';
import type { VersionStatusSource } from './lookup';

/**
 * Per-version status from the embedded endpoint: S3's own header for delete markers (which HeadObject cannot
 * read) and the failure reason toward `destinationBucket` for FAILED versions.
 */
export function embeddedStatusSource(admin: AdminJson, destinationBucket: string): VersionStatusSource {
  return async (bucket, ref) => {
    const status = await adminVersionStatus(admin, bucket, ref.key, ref.versionId);
    if (!status) return undefined;
    const toDestination = status.destinations.find((destination) => destination.bucket === destinationBucket);
    const failureReason = toDestination?.failureReason ?? status.failureReason ?? undefined;
    return {
      replicationStatus: toDestination?.status ?? status.replicationStatus ?? undefined,
      ...(failureReason ? { failureReason } : {}),
    };
  };
}
