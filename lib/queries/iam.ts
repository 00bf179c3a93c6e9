import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './api-error';

export type IamRoleSummary = { name: string; arn: string; path: string; createDate: string | undefined; description: string | undefined };

/** A policy document, decoded from IAM's URL encoding and formatted as JSON. */
export type PolicyDocumentView = { name: string; arn?: string; document: string };

export type IamRoleDetails = IamRoleSummary & {
  trustPolicy: string;
  inlinePolicies: PolicyDocumentView[];
  attachedPolicies: PolicyDocumentView[];
};

export type IamUserSummary = { name: string; arn: string; path: string; createDate: string | undefined };

export type AccessKeyStatus = 'Active' | 'Inactive';
export type AccessKeySummary = { accessKeyId: string; status: AccessKeyStatus; createDate: string | undefined };

export type AttachedPolicyRef = { name: string; arn: string };

export type IamUserDetails = IamUserSummary & {
  groups: string[];
  accessKeys: AccessKeySummary[];
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: string[];
};

export type IamGroupSummary = { name: string; arn: string; path: string; createDate: string | undefined };

export type IamGroupDetails = IamGroupSummary & {
  members: string[];
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: string[];
};

export type ManagedPolicySummary = { name: string; arn: string; awsManaged: boolean; description: string | undefined };

const api = '/api/iam';
const segment = encodeURIComponent;

export const iamKeys = {
  all: ['iam'] as const,
  roles: () => [...iamKeys.all, 'roles'] as const,
  role: (name: string) => [...iamKeys.roles(), name] as const,
  users: () => [...iamKeys.all, 'users'] as const,
  user: (name: string) => [...iamKeys.users(), name] as const,
  groups: () => [...iamKeys.all, 'groups'] as const,
  group: (name: string) => [...iamKeys.groups(), name] as const,
  policies: () => [...iamKeys.all, 'policies'] as const,
};

export function rolesQuery() {
  return queryOptions({ queryKey: iamKeys.roles(), queryFn: ({ signal }) => fetchJson<IamRoleSummary[]>(`${api}/roles`, { signal }) });
}

export function roleQuery(name: string) {
  return queryOptions({
    queryKey: iamKeys.role(name),
    queryFn: ({ signal }) => fetchJson<IamRoleDetails>(`${api}/roles/${segment(name)}`, { signal }),
  });
}

export function usersQuery() {
  return queryOptions({ queryKey: iamKeys.users(), queryFn: ({ signal }) => fetchJson<IamUserSummary[]>(`${api}/users`, { signal }) });
}

export function userQuery(name: string) {
  return queryOptions({
    queryKey: iamKeys.user(name),
    queryFn: ({ signal }) => fetchJson<IamUserDetails>(`${api}/users/${segment(name)}`, { signal }),
  });
}

export function groupsQuery() {
  return queryOptions({ queryKey: iamKeys.groups(), queryFn: ({ signal }) => fetchJson<IamGroupSummary[]>(`${api}/groups`, { signal }) });
}

export function groupQuery(name: string) {
  return queryOptions({
    queryKey: iamKeys.group(name),
    queryFn: ({ signal }) => fetchJson<IamGroupDetails>(`${api}/groups/${segment(name)}`, { signal }),
  });
}

export function managedPoliciesQuery() {
  return queryOptions({
    queryKey: iamKeys.policies(),
    queryFn: ({ signal }) => fetchJson<ManagedPolicySummary[]>(`${api}/policies`, { signal }),
    staleTime: 60_000,
  });
}
