import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { trustsService } from '@/lib/iam/evaluate';
import { parsePolicyDocument, type PolicyDocument } from '@/lib/iam/policy-document';
import { awsErrorName } from './aws-error';

/** What Save needs to know about an IAM role before using it for replication. */
export type RoleState = {
  name: string;
  arn: string;
  path: string;
  /** S3 (s3.amazonaws.com) may assume the role. */
  trustsS3: boolean;
  /** Inline policies by name. */
  inlinePolicies: Record<string, PolicyDocument>;
  /** Default versions of the attached managed policies, by ARN. */
  attachedPolicies: Record<string, PolicyDocument>;
};

/** The SDK names IAM's NoSuchEntity error `NoSuchEntityException`. */
function isNoSuchEntity(error: unknown): boolean {
  const name = awsErrorName(error);
  return name === 'NoSuchEntityException' || name === 'NoSuchEntity';
}

/** `arn:aws:iam::123456789012:role/service-role/name` → `name`. */
export function roleNameFromArn(arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}

/** IAM returns policy documents URL-encoded (RFC 3986); some S3-compatible backends return plain JSON. */
export function decodePolicyDocument(text: string | undefined, kind: 'identity' | 'trust'): PolicyDocument | undefined {
  if (!text) return undefined;
  let json = text;
  if (!text.trimStart().startsWith('{')) {
    try {
      json = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  const parsed = parsePolicyDocument(json, kind);
  return parsed.ok ? parsed.document : undefined;
}

async function inlinePolicies(iam: IAMClient, roleName: string): Promise<Record<string, PolicyDocument>> {
  const policies: Record<string, PolicyDocument> = {};
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
    for (const policyName of page.PolicyNames ?? []) {
      const { PolicyDocument: text } = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
      const document = decodePolicyDocument(text, 'identity');
      if (document) policies[policyName] = document;
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return policies;
}

async function attachedPolicies(iam: IAMClient, roleName: string): Promise<Record<string, PolicyDocument>> {
  const policies: Record<string, PolicyDocument> = {};
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
    for (const attached of page.AttachedPolicies ?? []) {
      if (!attached.PolicyArn) continue;
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: attached.PolicyArn }));
      if (!Policy?.DefaultVersionId) continue;
      const { PolicyVersion } = await iam.send(
        new GetPolicyVersionCommand({ PolicyArn: attached.PolicyArn, VersionId: Policy.DefaultVersionId }),
      );
      const document = decodePolicyDocument(PolicyVersion?.Document, 'identity');
      if (document) policies[attached.PolicyArn] = document;
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return policies;
}

/** The role and its policies, or null when no role has that name. */
export async function readRole(iam: IAMClient, roleName: string): Promise<RoleState | null> {
  let role;
  try {
    role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role;
  } catch (error) {
    if (isNoSuchEntity(error)) return null;
    throw error;
  }
  if (!role?.Arn || !role.RoleName) return null;
  const trust = decodePolicyDocument(role.AssumeRolePolicyDocument, 'trust');
  return {
    name: role.RoleName,
    arn: role.Arn,
    path: role.Path ?? '/',
    trustsS3: trust !== undefined && trustsService(trust, 's3.amazonaws.com'),
    inlinePolicies: await inlinePolicies(iam, role.RoleName),
    attachedPolicies: await attachedPolicies(iam, role.RoleName),
  };
}

/** Every permission policy the role carries, inline and attached. */
export function rolePolicyDocuments(role: RoleState): PolicyDocument[] {
  return [...Object.values(role.inlinePolicies), ...Object.values(role.attachedPolicies)];
}
