import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetGroupCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  RemoveUserFromGroupCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
  type User,
} from '@aws-sdk/client-iam';
import type { AccessKeySummary, IamUserDetails, IamUserSummary } from '@/lib/queries/iam';
import type { AccessKeyInput, AccessKeyStatusInput, CreateUserInput, UserGroupInput } from './iam-inputs';
import { unlessUnsupported } from './not-implemented';
import { collectPages } from './paginate';

function userSummary(user: Partial<User>): IamUserSummary {
  return { name: user.UserName ?? '', arn: user.Arn ?? '', path: user.Path ?? '/', createDate: user.CreateDate?.toISOString() };
}

export async function listUsers(iam: IAMClient): Promise<IamUserSummary[]> {
  const users = await collectPages((Marker) => iam.send(new ListUsersCommand({ Marker })), (page) => page.Users);
  return users.map(userSummary);
}

async function groupsOf(iam: IAMClient, userName: string): Promise<string[]> {
  const groups = await collectPages((Marker) => iam.send(new ListGroupsForUserCommand({ UserName: userName, Marker })), (page) => page.Groups);
  return groups.map((group) => group.GroupName ?? '');
}

async function accessKeysOf(iam: IAMClient, userName: string): Promise<AccessKeySummary[]> {
  const keys = await collectPages((Marker) => iam.send(new ListAccessKeysCommand({ UserName: userName, Marker })), (page) => page.AccessKeyMetadata);
  return keys.map((key) => ({
    accessKeyId: key.AccessKeyId ?? '',
    status: key.Status === 'Inactive' ? 'Inactive' : 'Active',
    createDate: key.CreateDate?.toISOString(),
  }));
}

async function attachedPoliciesOf(iam: IAMClient, userName: string) {
  return collectPages((Marker) => iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName, Marker })), (page) => page.AttachedPolicies);
}

async function inlinePoliciesOf(iam: IAMClient, userName: string): Promise<string[]> {
  return collectPages((Marker) => iam.send(new ListUserPoliciesCommand({ UserName: userName, Marker })), (page) => page.PolicyNames);
}

export async function describeUser(iam: IAMClient, userName: string): Promise<IamUserDetails> {
  const { User: user } = await iam.send(new GetUserCommand({ UserName: userName }));
  const [groups, accessKeys, attached, inlinePolicies] = await Promise.all([
    groupsOf(iam, userName),
    accessKeysOf(iam, userName),
    attachedPoliciesOf(iam, userName),
    inlinePoliciesOf(iam, userName),
  ]);
  return {
    ...userSummary(user ?? {}),
    groups,
    accessKeys,
    attachedPolicies: attached.map((policy) => ({ name: policy.PolicyName ?? '', arn: policy.PolicyArn ?? '' })),
    inlinePolicies,
  };
}

/** Creates the user and adds it to `groups`; every group is checked first, so a bad group leaves nothing behind. */
export async function createUser(iam: IAMClient, input: CreateUserInput): Promise<IamUserSummary> {
  for (const groupName of input.groups) await iam.send(new GetGroupCommand({ GroupName: groupName, MaxItems: 1 }));
  const { User: user } = await iam.send(new CreateUserCommand({ UserName: input.userName }));
  for (const groupName of input.groups) await iam.send(new AddUserToGroupCommand({ UserName: input.userName, GroupName: groupName }));
  return userSummary(user ?? { UserName: input.userName });
}

export async function addUserToGroup(iam: IAMClient, input: UserGroupInput): Promise<UserGroupInput> {
  await iam.send(new AddUserToGroupCommand({ UserName: input.userName, GroupName: input.groupName }));
  return input;
}

export async function removeUserFromGroup(iam: IAMClient, input: UserGroupInput): Promise<UserGroupInput> {
  await iam.send(new RemoveUserFromGroupCommand({ UserName: input.userName, GroupName: input.groupName }));
  return input;
}

export type NewAccessKey = { userName: string; accessKeyId: string; secretAccessKey: string };

/** The only moment IAM reveals the secret: the caller shows it once and never stores it. */
export async function createAccessKey(iam: IAMClient, userName: string): Promise<NewAccessKey> {
  const { AccessKey: key } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { userName, accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
}

export async function setAccessKeyStatus(iam: IAMClient, input: AccessKeyStatusInput): Promise<AccessKeyStatusInput> {
  await iam.send(new UpdateAccessKeyCommand({ UserName: input.userName, AccessKeyId: input.accessKeyId, Status: input.status }));
  return input;
}

export async function deleteAccessKey(iam: IAMClient, input: AccessKeyInput): Promise<AccessKeyInput> {
  await iam.send(new DeleteAccessKeyCommand({ UserName: input.userName, AccessKeyId: input.accessKeyId }));
  return input;
}

/**
 * IAM refuses DeleteUser (DeleteConflict) while the user has access keys, groups, policies or a console
 * password: remove each first, then delete. Returns the steps taken.
 */
export async function deleteUserWithDependencies(iam: IAMClient, userName: string): Promise<{ steps: string[] }> {
  const steps: string[] = [];
  for (const key of await accessKeysOf(iam, userName)) {
    await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key.accessKeyId }));
    steps.push(`Deleted access key ${key.accessKeyId}`);
  }
  for (const groupName of await groupsOf(iam, userName)) {
    await iam.send(new RemoveUserFromGroupCommand({ UserName: userName, GroupName: groupName }));
    steps.push(`Removed from group ${groupName}`);
  }
  for (const policy of await attachedPoliciesOf(iam, userName)) {
    await iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn: policy.PolicyArn }));
    steps.push(`Detached policy ${policy.PolicyName}`);
  }
  for (const name of await inlinePoliciesOf(iam, userName)) {
    await iam.send(new DeleteUserPolicyCommand({ UserName: userName, PolicyName: name }));
    steps.push(`Deleted inline policy ${name}`);
  }
  if (await unlessUnsupported(async () => Boolean(await iam.send(new DeleteLoginProfileCommand({ UserName: userName }))), false)) {
    steps.push('Deleted console password');
  }
  await iam.send(new DeleteUserCommand({ UserName: userName }));
  steps.push(`Deleted user ${userName}`);
  return { steps };
}
