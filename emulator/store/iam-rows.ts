import type { AccessKeyStatus, IamAccessKey, IamGroup, IamManagedPolicy, IamRole, IamTag, IamUser, PolicyScope } from './iam-types';

/** Raw SQLite rows of the IAM tables and their mapping to domain objects. */

export interface IamUserRow {
  id: string;
  name: string;
  path: string;
  arn: string;
  tags: string;
  created_at: number;
}

export interface IamGroupRow {
  id: string;
  name: string;
  path: string;
  arn: string;
  created_at: number;
}

export interface IamRoleRow {
  id: string;
  name: string;
  path: string;
  arn: string;
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  tags: string;
  created_at: number;
}

export interface IamPolicyRow {
  id: string;
  arn: string;
  name: string;
  path: string;
  scope: string;
  description: string | null;
  default_version: string;
  next_version: number;
  tags: string;
  created_at: number;
  updated_at: number;
  attachment_count: number;
}

export interface IamAccessKeyRow {
  access_key_id: string;
  secret_access_key: string;
  status: string;
  created_at: number;
  user_name: string;
}

const parseTags = (json: string): IamTag[] => JSON.parse(json) as IamTag[];

export const toIamUser = (row: IamUserRow): IamUser => ({
  id: row.id,
  name: row.name,
  path: row.path,
  arn: row.arn,
  tags: parseTags(row.tags),
  createdAt: row.created_at,
});

export const toIamGroup = (row: IamGroupRow): IamGroup => ({
  id: row.id,
  name: row.name,
  path: row.path,
  arn: row.arn,
  createdAt: row.created_at,
});

export const toIamRole = (row: IamRoleRow): IamRole => ({
  id: row.id,
  name: row.name,
  path: row.path,
  arn: row.arn,
  assumeRolePolicy: row.assume_role_policy,
  description: row.description,
  maxSessionDuration: row.max_session_duration,
  tags: parseTags(row.tags),
  createdAt: row.created_at,
});

export const toIamManagedPolicy = (row: IamPolicyRow): IamManagedPolicy => ({
  id: row.id,
  arn: row.arn,
  name: row.name,
  path: row.path,
  scope: row.scope as PolicyScope,
  description: row.description,
  defaultVersion: row.default_version,
  attachmentCount: row.attachment_count,
  tags: parseTags(row.tags),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toIamAccessKey = (row: IamAccessKeyRow): IamAccessKey => ({
  accessKeyId: row.access_key_id,
  secretAccessKey: row.secret_access_key,
  userName: row.user_name,
  status: row.status as AccessKeyStatus,
  createdAt: row.created_at,
});
