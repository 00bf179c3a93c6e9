import { parsePolicyDocument, type PolicyDocument, type PolicyKind } from '@/lib/iam/policy-document';
import { iamStoreOf } from '../store/iam-store';
import type { Store } from '../store/store';

export interface ReplicationRole {
  roleName: string;
  arn: string;
  trustPolicy: PolicyDocument;
  /** Inline policies and the default versions of attached managed policies, parsed. */
  permissionPolicies: PolicyDocument[];
}

function parseStored(text: string, kind: PolicyKind): PolicyDocument | undefined {
  const parsed = parsePolicyDocument(text, kind);
  return parsed.ok ? parsed.document : undefined;
}

/**
 * The role named by a replication configuration's `Role` ARN, as the replication engine needs it to decide
 * whether S3 may assume it and what it may do; undefined when no role has that ARN. Read at call time, so
 * policy changes apply to the next replication task.
 */
export function getRoleForReplication(store: Store, roleArn: string): ReplicationRole | undefined {
  const iam = iamStoreOf(store);
  const role = iam.roles.findByArn(roleArn);
  if (!role) return undefined;
  const entity = { type: 'role' as const, id: role.id, name: role.name };
  const trustPolicy = parseStored(role.assumeRolePolicy, 'trust');
  if (!trustPolicy) return undefined;
  const permissionPolicies = [...iam.inlinePolicies.documents(entity), ...iam.policies.attachedDocuments(entity)].flatMap(
    (text) => parseStored(text, 'identity') ?? [],
  );
  return { roleName: role.name, arn: role.arn, trustPolicy, permissionPolicies };
}
