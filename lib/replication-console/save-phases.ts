import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { PutBucketReplicationCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { policyStatements, type PolicyDocument, type PolicyStatement } from '@/lib/iam/policy-document';
import { configurationFingerprint } from '@/lib/replication/merge';
import { awsErrorName } from './aws-error';
import type { ReplicationDeps } from './deps';
import { readRole, type RoleState } from './role-state';
import type { ExistingRolePlan, NewRolePlan, SavePlan } from './save-plan';

/**
 * The three changing phases of Save. Each is idempotent: run again with a fresh plan after a partial failure,
 * it finds what the earlier run did and does not do it twice.
 */

export type VersioningPhaseResult = { enabled: string[] };

export async function enableVersioningPhase(deps: ReplicationDeps, plan: SavePlan): Promise<VersioningPhaseResult> {
  for (const change of plan.versioningToEnable) {
    await deps.s3(change.region).send(
      new PutBucketVersioningCommand({ Bucket: change.bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
  }
  return { enabled: plan.versioningToEnable.map((change) => change.bucket) };
}

export type RolePhaseResult = { roleArn: string; createdRole: boolean; wrotePolicy: boolean };

const statementKey = (statement: PolicyStatement) => JSON.stringify(statement);

/** Statements of `existing` followed by those of `added` it does not already hold (kept in order, no repeats). */
function withStatements(existing: PolicyDocument | undefined, added: PolicyStatement[]): PolicyDocument {
  const statements = existing ? policyStatements(existing) : [];
  const seen = new Set(statements.map(statementKey));
  return { Version: '2012-10-17', Statement: [...statements, ...added.filter((s) => !seen.has(statementKey(s)))] };
}

async function createRoleOnce(deps: ReplicationDeps, role: NewRolePlan): Promise<{ state: RoleState; created: boolean }> {
  const existing = await readRole(deps.iam, role.name);
  if (existing) return { state: existing, created: false };
  try {
    await deps.iam.send(
      new CreateRoleCommand({
        RoleName: role.name,
        Path: role.path,
        AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy),
        Description: 'Lets Amazon S3 replicate objects for the replication configuration created in the S3 Replication Console.',
      }),
    );
  } catch (error) {
    // Another Save created it between our read and our create: use that one.
    if (!/^EntityAlreadyExists(Exception)?$/.test(awsErrorName(error) ?? '')) throw error;
  }
  const state = await readRole(deps.iam, role.name);
  if (!state) throw new Error(`Role ${role.name} was created but cannot be read back`);
  return { state, created: existing === null };
}

async function ensureNewRole(deps: ReplicationDeps, role: NewRolePlan): Promise<RolePhaseResult> {
  const { state, created } = await createRoleOnce(deps, role);
  if (!state.trustsS3) throw new Error(`Role ${role.name} exists but does not let S3 assume it`);
  // The inline policy is written whole (PutRolePolicy replaces it), so writing it again is harmless.
  const current = state.inlinePolicies[role.policyName];
  const wanted = JSON.stringify(role.permissionPolicy);
  const wrotePolicy = current === undefined || JSON.stringify(current) !== wanted;
  if (wrotePolicy) {
    await deps.iam.send(new PutRolePolicyCommand({ RoleName: role.name, PolicyName: role.policyName, PolicyDocument: wanted }));
  }
  return { roleArn: state.arn, createdRole: created, wrotePolicy };
}

async function ensureExistingRole(deps: ReplicationDeps, role: ExistingRolePlan): Promise<RolePhaseResult> {
  const statements = policyStatements({ Statement: role.missingStatements });
  if (!role.addMissingPermissions || statements.length === 0) return { roleArn: role.arn, createdRole: false, wrotePolicy: false };
  const state = await readRole(deps.iam, role.name);
  const document = withStatements(state?.inlinePolicies[role.policyName], statements);
  await deps.iam.send(
    new PutRolePolicyCommand({ RoleName: role.name, PolicyName: role.policyName, PolicyDocument: JSON.stringify(document) }),
  );
  return { roleArn: role.arn, createdRole: false, wrotePolicy: true };
}

/**
 * New role: create it under /service-role/ unless it exists, then make its inline policy the least-privilege one.
 * Inline rather than a managed policy: PutRolePolicy is an idempotent overwrite (a retry cannot leave a second
 * policy or a sixth policy version behind), the policy lives and dies with its role, and it needs no account-wide
 * unique name. Existing role: add the missing statements only when the person asked for it.
 */
export async function ensureRolePhase(deps: ReplicationDeps, plan: SavePlan): Promise<RolePhaseResult> {
  return plan.role.kind === 'new' ? ensureNewRole(deps, plan.role) : ensureExistingRole(deps, plan.role);
}

export type ConfigurationPhaseResult = { fingerprint: string };

export async function writeConfigurationPhase(deps: ReplicationDeps, plan: SavePlan): Promise<ConfigurationPhaseResult> {
  await deps.s3(plan.source.region).send(
    new PutBucketReplicationCommand({ Bucket: plan.source.name, ReplicationConfiguration: plan.nextConfiguration }),
  );
  return { fingerprint: configurationFingerprint(plan.nextConfiguration) };
}
