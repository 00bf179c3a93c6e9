import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  RemoveUserFromGroupCommand,
  type Group,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { IamGroupDetails, IamGroupSummary } from '@/lib/queries/iam';
import type { GroupPolicyInput } from './iam-inputs';
import { collectPages } from './paginate';

function groupSummary(group: Partial<Group>): IamGroupSummary {
  return { name: group.GroupName ?? '', arn: group.Arn ?? '', path: group.Path ?? '/', createDate: group.CreateDate?.toISOString() };
}

export async function listGroups(iam: IAMClient): Promise<IamGroupSummary[]> {
  const groups = await collectPages((Marker) => iam.send(new ListGroupsCommand({ Marker })), (page) => page.Groups);
  return groups.map(groupSummary);
}

async function membersOf(iam: IAMClient, groupName: string): Promise<string[]> {
  const users = await collectPages((Marker) => iam.send(new GetGroupCommand({ GroupName: groupName, Marker })), (page) => page.Users);
  return users.map((user) => user.UserName ?? '');
}

async function attachedPoliciesOf(iam: IAMClient, groupName: string) {
  return collectPages((Marker) => iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName, Marker })), (page) => page.AttachedPolicies);
}

async function inlinePoliciesOf(iam: IAMClient, groupName: string): Promise<string[]> {
  return collectPages((Marker) => iam.send(new ListGroupPoliciesCommand({ GroupName: groupName, Marker })), (page) => page.PolicyNames);
}

export async function describeGroup(iam: IAMClient, groupName: string): Promise<IamGroupDetails> {
  const { Group: group } = await iam.send(new GetGroupCommand({ GroupName: groupName, MaxItems: 1 }));
  const [members, attached, inlinePolicies] = await Promise.all([
    membersOf(iam, groupName),
    attachedPoliciesOf(iam, groupName),
    inlinePoliciesOf(iam, groupName),
  ]);
  return {
    ...groupSummary(group ?? {}),
    members,
    attachedPolicies: attached.map((policy) => ({ name: policy.PolicyName ?? '', arn: policy.PolicyArn ?? '' })),
    inlinePolicies,
  };
}

export async function createGroup(iam: IAMClient, groupName: string): Promise<IamGroupSummary> {
  const { Group: group } = await iam.send(new CreateGroupCommand({ GroupName: groupName }));
  return groupSummary(group ?? { GroupName: groupName });
}

export async function attachGroupPolicy(iam: IAMClient, input: GroupPolicyInput): Promise<GroupPolicyInput> {
  await iam.send(new AttachGroupPolicyCommand({ GroupName: input.groupName, PolicyArn: input.policyArn }));
  return input;
}

export async function detachGroupPolicy(iam: IAMClient, input: GroupPolicyInput): Promise<GroupPolicyInput> {
  await iam.send(new DetachGroupPolicyCommand({ GroupName: input.groupName, PolicyArn: input.policyArn }));
  return input;
}

/** IAM refuses DeleteGroup while it has members or policies: remove them first. Returns the steps taken. */
export async function deleteGroupWithDependencies(iam: IAMClient, groupName: string): Promise<{ steps: string[] }> {
  const steps: string[] = [];
  for (const userName of await membersOf(iam, groupName)) {
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: userName }));
    steps.push(`Removed user ${userName}`);
  }
  for (const policy of await attachedPoliciesOf(iam, groupName)) {
    await iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policy.PolicyArn }));
    steps.push(`Detached policy ${policy.PolicyName}`);
  }
  for (const name of await inlinePoliciesOf(iam, groupName)) {
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: groupName, PolicyName: name }));
    steps.push(`Deleted inline policy ${name}`);
  }
  await iam.send(new DeleteGroupCommand({ GroupName: groupName }));
  steps.push(`Deleted group ${groupName}`);
  return { steps };
}
