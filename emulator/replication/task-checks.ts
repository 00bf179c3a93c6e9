import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { Store } from '../store/store';
import type { Bucket } from '../store/types';
import { ReplicationFailure, type ReplicationFailureReason } from './failure-reasons';
import type { AssumedRole, RoleResolver } from './role-access';
import { storedConfiguration } from './stored-configuration';

/** The checks every replication task makes before it writes, each throwing the failure S3 records. */

/** The source bucket's current replication configuration. */
export function requireConfiguration(bucket: Bucket): ReplicationConfiguration {
  const config = storedConfiguration(bucket);
  if (!config) {
    throw new ReplicationFailure('SrcBucketReplicationConfigMissing', 'The source bucket no longer has a replication configuration.');
  }
  return config;
}

/** The replication role as S3 assumes it. */
export function assumeReplicationRole(resolveRole: RoleResolver, roleArn: string): AssumedRole {
  const role = resolveRole(roleArn);
  if (!role) {
    throw new ReplicationFailure('AssumeRoleNotPermitted', `S3 cannot assume ${roleArn}: it does not exist or does not trust s3.amazonaws.com.`);
  }
  return role;
}

/** Throws the failure unless the replication role may perform `action` on `resource`. */
export function requirePermission(role: AssumedRole, action: string, resource: string, failure: ReplicationFailureReason): void {
  if (!role.allows(action, resource)) {
    throw new ReplicationFailure(failure, `The replication role is not allowed to perform ${action} on ${resource}.`);
  }
}

/** The destination bucket, which must exist and have versioning enabled. */
export function versionedDestination(store: Store, name: string): Bucket {
  const destination = store.buckets.find(name);
  if (!destination) throw new ReplicationFailure('DstBucketNotFound', `Destination bucket ${name} does not exist.`);
  if (destination.versioning !== 'Enabled') {
    throw new ReplicationFailure('DstBucketUnversioned', `Versioning is not enabled on destination bucket ${name}.`);
  }
  return destination;
}
