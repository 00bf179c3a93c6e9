/** IAM domain objects as the store returns them (times are epoch milliseconds, documents raw JSON text). */

export type IamEntityType = 'user' | 'group' | 'role';

export interface IamTag {
  Key: string;
  Value: string;
}

export interface IamUser {
  id: string;
  name: string;
  path: string;
  arn: string;
  tags: IamTag[];
  createdAt: number;
}

export interface IamGroup {
  id: string;
  name: string;
  path: string;
  arn: string;
  createdAt: number;
}

export interface IamRole {
  id: string;
  name: string;
  path: string;
  arn: string;
  assumeRolePolicy: string;
  description: string | null;
  maxSessionDuration: number;
  tags: IamTag[];
  createdAt: number;
}

export type PolicyScope = 'AWS' | 'Local';

export interface IamManagedPolicy {
  id: string;
  arn: string;
  name: string;
  path: string;
  scope: PolicyScope;
  description: string | null;
  defaultVersion: string;
  attachmentCount: number;
  tags: IamTag[];
  createdAt: number;
  updatedAt: number;
}

export interface IamPolicyVersion {
  versionId: string;
  document: string;
  isDefault: boolean;
  createdAt: number;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface IamAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  userName: string;
  status: AccessKeyStatus;
  createdAt: number;
}

export interface AttachedPolicyRef {
  name: string;
  arn: string;
}

/** An entity a policy can be attached to or embedded in. */
export interface IamEntityRef {
  type: IamEntityType;
  id: string;
  name: string;
}
