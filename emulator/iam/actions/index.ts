import type { IamActionHandler } from '../iam-call';
import { deleteLoginProfile, getLoginProfile, listInstanceProfilesForRole, removeRoleFromInstanceProfile } from './absent-features';
import { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from './access-keys';
import { ENTITY_POLICY_ACTIONS } from './entity-policies';
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listGroupsForUser,
  removeUserFromGroup,
} from './groups';
import { createPolicy, deletePolicy, getPolicy, getPolicyVersion, listPolicies } from './managed-policies';
import { createRole, deleteRole, getRole, listRoles, updateAssumeRolePolicy } from './roles';
import { createUser, deleteUser, getUser, listUsers } from './users';

/** Every IAM action the endpoint implements, by its Query API name. */
export const IAM_ACTIONS: Readonly<Record<string, IamActionHandler>> = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  DeleteRole: deleteRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  DeleteUser: deleteUser,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  ListGroupsForUser: listGroupsForUser,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  DeleteGroup: deleteGroup,
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  DeleteAccessKey: deleteAccessKey,
  UpdateAccessKey: updateAccessKey,
  ...ENTITY_POLICY_ACTIONS,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  GetLoginProfile: getLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
};
