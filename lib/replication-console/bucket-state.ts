import {
  GetBucketLocationCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { replicationConfigurationSchema } from '@/lib/replication/schema';
import { regionFromLocationConstraint } from '@/lib/regions';
import { awsErrorName, awsErrorStatus } from './aws-error';
import type { ReplicationDeps } from './deps';

/** Versioning as the console names it; `Unknown` when we may not read it (so cannot enable it either). */
export type BucketVersioning = 'Enabled' | 'Suspended' | 'NeverEnabled' | 'Unknown';

export type BucketState =
  | { name: string; exists: false }
  | { name: string; exists: true; region: string; versioning: BucketVersioning };

function isMissingBucket(error: unknown): boolean {
  return awsErrorName(error) === 'NoSuchBucket' || (awsErrorName(error) !== undefined && awsErrorStatus(error) === 404);
}

function isAccessDenied(error: unknown): boolean {
  return awsErrorName(error) === 'AccessDenied' || awsErrorStatus(error) === 403;
}

/** Whether a bucket exists in this account, its region and its versioning state. */
export async function readBucketState(deps: ReplicationDeps, name: string): Promise<BucketState> {
  let region: string;
  try {
    const location = await deps.s3().send(new GetBucketLocationCommand({ Bucket: name }));
    region = regionFromLocationConstraint(location.LocationConstraint);
  } catch (error) {
    if (isMissingBucket(error) || isAccessDenied(error)) return { name, exists: false };
    throw error;
  }
  try {
    const { Status } = await deps.s3(region).send(new GetBucketVersioningCommand({ Bucket: name }));
    const versioning: BucketVersioning = Status === 'Enabled' || Status === 'Suspended' ? Status : 'NeverEnabled';
    return { name, exists: true, region, versioning };
  } catch (error) {
    if (isAccessDenied(error)) return { name, exists: true, region, versioning: 'Unknown' };
    throw error;
  }
}

/** The bucket's replication configuration, or null when it has none. */
export async function readReplicationConfiguration(
  deps: ReplicationDeps,
  bucket: string,
  region: string,
): Promise<ReplicationConfiguration | null> {
  try {
    const output = await deps.s3(region).send(new GetBucketReplicationCommand({ Bucket: bucket }));
    if (!output.ReplicationConfiguration) return null;
    return replicationConfigurationSchema.parse(withoutUndefined(output.ReplicationConfiguration));
  } catch (error) {
    if (awsErrorName(error) === 'ReplicationConfigurationNotFoundError') return null;
    throw error;
  }
}

/** The SDK's parsed shapes carry explicit `undefined` members; the strict schema wants them absent. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
