import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  RemoveRoleFromInstanceProfileCommand,
  type IAMClient,
  type Role,
} from '@aws-sdk/client-iam';
import type { IamRoleDetails, IamRoleSummary, PolicyDocumentView } from '@/lib/queries/iam';
import { unlessUnsupported } from './not-implemented';
import { collectPages } from './paginate';
import { formatPolicyDocument } from './policy-document';

function roleSummary(role: Partial<Role>): IamRoleSummary {
  return {
    name: role.RoleName ?? '',
    arn: role.Arn ?? '',
    path: role.Path ?? '/',
    createDate: role.CreateDate?.toISOString(),
    description: role.Description,
  };
}

export async function listRoles(iam: IAMClient): Promise<IamRoleSummary[]> {
  const roles = await collectPages((Marker) => iam.send(new ListRolesCommand({ Marker })), (page) => page.Roles);
  return roles.map(roleSummary);
}

async function attachedPolicyNames(iam: IAMClient, roleName: string) {
  return collectPages(
    (Marker) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker })),
    (page) => page.AttachedPolicies,
  );
}

async function inlinePolicyNames(iam: IAMClient, roleName: string): Promise<string[]> {
  return collectPages((Marker) => iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker })), (page) => page.PolicyNames);
}

/** A managed policy's default version, formatted. */
async function managedPolicyDocument(iam: IAMClient, arn: string): Promise<string> {
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
  if (!Policy?.DefaultVersionId) return '';
  const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy.DefaultVersionId }));
  return formatPolicyDocument(PolicyVersion?.Document);
}

export async function describeRole(iam: IAMClient, roleName: string): Promise<IamRoleDetails> {
  const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
  const [inlineNames, attached] = await Promise.all([inlinePolicyNames(iam, roleName), attachedPolicyNames(iam, roleName)]);
  const inlinePolicies: PolicyDocumentView[] = await Promise.all(
    inlineNames.map(async (name) => {
      const policy = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
      return { name, document: formatPolicyDocument(policy.PolicyDocument) };
    }),
  );
  const attachedPolicies: PolicyDocumentView[] = await Promise.all(
    attached.map(async (policy) => ({
      name: policy.PolicyName ?? '',
      arn: policy.PolicyArn,
      document: policy.PolicyArn ? await managedPolicyDocument(iam, policy.PolicyArn) : '',
    })),
  );
  return {
    ...roleSummary(role ?? {}),
    trustPolicy: formatPolicyDocument(role?.AssumeRolePolicyDocument),
    inlinePolicies,
    attachedPolicies,
  };
}

/**
 * IAM refuses DeleteRole (DeleteConflict) while the role has attached or inline policies or sits in an instance
 * profile: undo each first, then delete. Returns the steps taken, for the user to read.
 */
export async function deleteRoleWithDependencies(iam: IAMClient, roleName: string): Promise<{ steps: string[] }> {
  const steps: string[] = [];
  const profiles = await unlessUnsupported(
    () => collectPages((Marker) => iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName, Marker })), (page) => page.InstanceProfiles),
    [],
  );
  for (const profile of profiles) {
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: roleName, InstanceProfileName: profile.InstanceProfileName }));
    steps.push(`Removed from instance profile ${profile.InstanceProfileName}`);
  }
  for (const policy of await attachedPolicyNames(iam, roleName)) {
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policy.PolicyArn }));
    steps.push(`Detached policy ${policy.PolicyName}`);
  }
  for (const name of await inlinePolicyNames(iam, roleName)) {
    await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
    steps.push(`Deleted inline policy ${name}`);
  }
  await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  steps.push(`Deleted role ${roleName}`);
  return { steps };
}
