import { isAllowed, trustsService } from '@/lib/iam/evaluate';
import type { PolicyDocument } from '@/lib/iam/policy-document';
import { getRoleForReplication } from '../iam/role-lookup';
import type { Store } from '../store/store';

/** The replication role as S3 uses it: assumed as s3.amazonaws.com, then its permission policies are checked. */
export interface AssumedRole {
  allows(action: string, resource: string): boolean;
}

/** Undefined when the role does not exist or does not trust s3.amazonaws.com (AssumeRoleNotPermitted). */
export type RoleResolver = (roleArn: string) => AssumedRole | undefined;

export function policyRole(permissionPolicies: readonly PolicyDocument[]): AssumedRole {
  return { allows: (action, resource) => isAllowed(permissionPolicies, action, resource).decision === 'Allow' };
}

/** Resolves roles through the embedded IAM service. */
export function iamRoleResolver(store: Store): RoleResolver {
  return (roleArn) => {
    const role = getRoleForReplication(store, roleArn);
    if (!role || !trustsService(role.trustPolicy, 's3.amazonaws.com', 'sts:AssumeRole')) return undefined;
    return policyRole(role.permissionPolicies);
  };
}

export function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}
