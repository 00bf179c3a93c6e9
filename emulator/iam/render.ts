import type {
  AttachedPolicyRef,
  IamAccessKey,
  IamGroup,
  IamManagedPolicy,
  IamPolicyVersion,
  IamRole,
  IamUser,
} from '../store/iam-types';
import { element, encodedDocument, iamDate, memberList, tagsXml } from './xml';

/** IAM's XML shapes of its entities (member order as in the IAM API model). */

export function userXml(user: IamUser): string {
  return (
    element('Path', user.path) +
    element('UserName', user.name) +
    element('UserId', user.id) +
    element('Arn', user.arn) +
    element('CreateDate', iamDate(user.createdAt)) +
    tagsXml(user.tags)
  );
}

export function groupXml(group: IamGroup): string {
  return (
    element('Path', group.path) +
    element('GroupName', group.name) +
    element('GroupId', group.id) +
    element('Arn', group.arn) +
    element('CreateDate', iamDate(group.createdAt))
  );
}

export function roleXml(role: IamRole): string {
  return (
    element('Path', role.path) +
    element('RoleName', role.name) +
    element('RoleId', role.id) +
    element('Arn', role.arn) +
    element('CreateDate', iamDate(role.createdAt)) +
    element('AssumeRolePolicyDocument', encodedDocument(role.assumeRolePolicy)) +
    element('Description', role.description) +
    element('MaxSessionDuration', role.maxSessionDuration) +
    tagsXml(role.tags) +
    '<RoleLastUsed/>'
  );
}

export function policyXml(policy: IamManagedPolicy, options: { withDescription: boolean }): string {
  return (
    element('PolicyName', policy.name) +
    element('PolicyId', policy.id) +
    element('Arn', policy.arn) +
    element('Path', policy.path) +
    element('DefaultVersionId', policy.defaultVersion) +
    element('AttachmentCount', policy.attachmentCount) +
    element('PermissionsBoundaryUsageCount', 0) +
    element('IsAttachable', true) +
    (options.withDescription ? element('Description', policy.description) : '') +
    element('CreateDate', iamDate(policy.createdAt)) +
    element('UpdateDate', iamDate(policy.updatedAt)) +
    tagsXml(policy.tags)
  );
}

export function policyVersionXml(version: IamPolicyVersion): string {
  return (
    element('Document', encodedDocument(version.document)) +
    element('VersionId', version.versionId) +
    element('IsDefaultVersion', version.isDefault) +
    element('CreateDate', iamDate(version.createdAt))
  );
}

export function attachedPoliciesXml(policies: readonly AttachedPolicyRef[]): string {
  return memberList(
    'AttachedPolicies',
    policies.map((policy) => element('PolicyName', policy.name) + element('PolicyArn', policy.arn)),
  );
}

export function accessKeyMetadataXml(key: IamAccessKey): string {
  return (
    element('UserName', key.userName) +
    element('AccessKeyId', key.accessKeyId) +
    element('Status', key.status) +
    element('CreateDate', iamDate(key.createdAt))
  );
}

/** CreateAccessKey's answer: the only time IAM shows the secret. */
export function newAccessKeyXml(key: IamAccessKey): string {
  return (
    element('UserName', key.userName) +
    element('AccessKeyId', key.accessKeyId) +
    element('Status', key.status) +
    element('SecretAccessKey', key.secretAccessKey) +
    element('CreateDate', iamDate(key.createdAt))
  );
}
