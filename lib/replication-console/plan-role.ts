import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { policyStatements, type PolicyStatement } from '@/lib/iam/policy-document';
import {
  missingStatements,
  policyNameFor,
  REPLICATION_ROLE_PATH,
  replicationPermissionPolicy,
  replicationTrustPolicy,
  roleNameFor,
} from '@/lib/replication/policy';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { ReplicationDeps } from './deps';
import type { Refusal } from './refusal';
import { readRole, roleNameFromArn, rolePolicyDocuments } from './role-state';
import { ROLE_NAME_PATTERN, type RuleInput } from './rule-input';
import type { ExistingBucket, RolePlan } from './save-plan';

/**
 * The role part of a Save plan: the console's new role (reused when it already exists and S3 may assume it) or
 * an existing role with what it still lacks. The permission policy covers every rule of the next configuration,
 * since a bucket has one role for all its rules.
 */

async function accountId(deps: ReplicationDeps): Promise<string> {
  const identity = await deps.sts.send(new GetCallerIdentityCommand({}));
  if (!identity.Account) throw new Error('GetCallerIdentity returned no account');
  return identity.Account;
}

/** The required statements that have at least one (action, resource) pair the role lacks, kept whole. */
function statementsWithGaps(required: PolicyStatement[], missing: { sid?: string; action: string; resource: string }[]) {
  return required.filter((statement) => missing.some((gap) => gap.sid === statement.Sid));
}

/** Plans the role; adds a refusal and returns undefined when the choice cannot work. */
export async function planRole(
  deps: ReplicationDeps,
  input: RuleInput,
  nextRules: ReplicationConfiguration['Rules'],
  source: ExistingBucket,
  regionOf: (bucket: string) => string | undefined,
  refusal: Refusal,
): Promise<RolePlan | undefined> {
  const destinationName = input.destination.bucket;
  const permissionPolicy = replicationPermissionPolicy({
    sourceBucket: input.sourceBucket,
    configuration: { Rules: nextRules },
    sourceRegion: source.region,
    regionOf,
  });
  const policyName = policyNameFor(input.sourceBucket, destinationName);

  if (input.role.kind === 'new') {
    const name = roleNameFor(input.sourceBucket, destinationName);
    if (!ROLE_NAME_PATTERN.test(name)) {
      refusal.add('role', `The role name ${name} does not satisfy IAM's rules (1–64 characters of letters, digits and +=,.@_-).`);
      return undefined;
    }
    const existing = await readRole(deps.iam, name);
    if (existing && !existing.trustsS3) {
      refusal.add(
        'role',
        `A role named ${name} already exists and does not let S3 assume it. Choose it as an existing role after fixing its trust policy, or delete it.`,
      );
      return undefined;
    }
    const lacks = existing ? missingStatements(rolePolicyDocuments(existing), permissionPolicy).length > 0 : true;
    return {
      kind: 'new',
      name,
      path: REPLICATION_ROLE_PATH,
      arn: existing?.arn ?? `arn:aws:iam::${await accountId(deps)}:role${REPLICATION_ROLE_PATH}${name}`,
      exists: existing !== null,
      policyName,
      trustPolicy: replicationTrustPolicy(),
      permissionPolicy,
      writesPolicy: lacks,
    };
  }

  const name = roleNameFromArn(input.role.arn);
  const existing = name ? await readRole(deps.iam, name) : null;
  if (!existing) {
    refusal.add('role.arn', `The role ${input.role.arn} does not exist.`);
    return undefined;
  }
  const missing = missingStatements(rolePolicyDocuments(existing), permissionPolicy);
  return {
    kind: 'existing',
    name: existing.name,
    arn: existing.arn,
    trustsS3: existing.trustsS3,
    missingStatements: statementsWithGaps(policyStatements(permissionPolicy), missing),
    missingPermissions: missing.map(({ action, resource }) => ({ action, resource })),
    addMissingPermissions: input.role.addMissingPermissions,
    policyName,
  };
}

export function roleWarnings(role: RolePlan): string[] {
  if (role.kind !== 'existing') return [];
  const warnings: string[] = [];
  if (!role.trustsS3) warnings.push(`The role ${role.name} does not let S3 (s3.amazonaws.com) assume it: replication will fail.`);
  if (role.missingPermissions.length > 0 && !role.addMissingPermissions) {
    warnings.push(
      `The role ${role.name} lacks ${role.missingPermissions.length} permission(s) this configuration needs: objects will fail to replicate unless you add them.`,
    );
  }
  return warnings;
}
