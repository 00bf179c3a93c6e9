import { parsePolicyDocument, type PolicyDocument } from '@/lib/iam/policy-document';
import { isAllowed, type PolicyDecision } from '@/lib/iam/evaluate';
import type { Principal, S3Context } from '../http/types';
import { ROOT_ARN } from '../iam/account';
import { IamError } from '../iam/iam-error';
import { S3Error } from '../s3/errors';
import { iamStoreOf } from '../store/iam-store';
import type { Store } from '../store/store';
import { requiredS3Permissions, type RequiredPermission } from './s3-permissions';

/**
 * Request authorization: the root user may do everything; an IAM user is allowed by its identity-based policies
 * (its inline and attached managed policies and those of its groups): an explicit Deny wins, otherwise an Allow is
 * needed. Policies are read at request time, so changes apply to the next request.
 * NOTE: resource-based policies (bucket policies), permission boundaries and SCPs do not exist on this endpoint.
 */

function identityPolicies(store: Store, userName: string): PolicyDocument[] {
  const documents = iamStoreOf(store).userIdentityDocuments(userName) ?? [];
  return documents.flatMap((text) => {
    const parsed = parsePolicyDocument(text, 'identity');
    return parsed.ok ? [parsed.document] : [];
  });
}

/** The decision for one action on one resource. */
export function evaluatePrincipal(store: Store, principal: Principal, permission: RequiredPermission): PolicyDecision {
  if (principal.type === 'root') return 'Allow';
  return isAllowed(identityPolicies(store, principal.userName), permission.action, permission.resource).decision;
}

export function principalArn(principal: Principal): string {
  return principal.type === 'root' ? ROOT_ARN : principal.arn;
}

/** S3 requests: every permission the operation needs, or S3's `AccessDenied` (403 "Access Denied"). */
export function authorizeS3Request(ctx: S3Context): void {
  const principal = ctx.auth.principal;
  if (principal.type === 'root') return;
  const route = ctx.route;
  if (route.service !== 's3') return;
  const permissions = requiredS3Permissions({
    operation: route.operation,
    bucket: ctx.bucket,
    key: ctx.key,
    query: ctx.query,
    headers: ctx.headers,
  });
  for (const permission of permissions) {
    if (evaluatePrincipal(ctx.store, principal, permission) !== 'Allow') throw new S3Error('AccessDenied');
  }
}

/** IAM's AccessDenied text, with the reason AWS appends today. */
export function iamAccessDenied(principal: Principal, permission: RequiredPermission, decision: PolicyDecision): IamError {
  const reason =
    decision === 'ExplicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${permission.action} action`;
  return new IamError(
    'AccessDenied',
    `User: ${principalArn(principal)} is not authorized to perform: ${permission.action} on resource: ${permission.resource} ${reason}`,
    403,
  );
}

/** IAM (and STS) actions: `iam:CreateRole` on the role's ARN, etc.; throws IAM's `AccessDenied`. */
export function authorizeIamAction(store: Store, principal: Principal, permission: RequiredPermission): void {
  const decision = evaluatePrincipal(store, principal, permission);
  if (decision !== 'Allow') throw iamAccessDenied(principal, permission, decision);
}

/**
 * `iam:PassRole` on a role ARN, which PutBucketReplication needs for the configuration's Role. Throws S3's
 * `AccessDenied` (the error PutBucketReplication answers with).
 */
export function authorizePassRole(principal: Principal, roleArn: string, store: Store): void {
  if (evaluatePrincipal(store, principal, { action: 'iam:PassRole', resource: roleArn }) !== 'Allow') {
    throw new S3Error('AccessDenied');
  }
}
