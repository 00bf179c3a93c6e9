import { configurationFingerprint, upsertRule } from '@/lib/replication/merge';
import { destinationBucketPolicy } from '@/lib/replication/policy';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { validateReplicationConfiguration, type BucketFacts } from '@/lib/replication/validate';
import { readBucketState, readReplicationConfiguration, type BucketState } from './bucket-state';
import { isAlreadyApplied } from './already-applied';
import { buildRule } from './build-rule';
import type { ReplicationDeps } from './deps';
import { issueField } from './issue-fields';
import { planRole, roleWarnings } from './plan-role';
import { Refusal } from './refusal';
import type { RuleInput } from './rule-input';
import {
  CONFIGURATION_CHANGED_CODE,
  CONFIGURATION_CHANGED_MESSAGE,
  type PlannedDestination,
  type PlanResult,
  type VersioningChange,
} from './save-plan';

function versioningChange(bucket: BucketState): VersioningChange[] {
  if (!bucket.exists || (bucket.versioning !== 'NeverEnabled' && bucket.versioning !== 'Suspended')) return [];
  return [{ bucket: bucket.name, region: bucket.region, from: bucket.versioning }];
}

async function readDestination(deps: ReplicationDeps, input: RuleInput, refusal: Refusal): Promise<PlannedDestination | undefined> {
  const { bucket, account, accountId: otherAccount } = input.destination;
  if (account === 'other') return { name: bucket, exists: 'unknown', accountId: otherAccount ?? '' };
  const state = await readBucketState(deps, bucket);
  if (!state.exists) {
    refusal.add('destination.bucket', `Bucket ${bucket} does not exist in this account.`);
    return undefined;
  }
  if (state.versioning === 'Unknown') {
    refusal.add('destination.bucket', `Versioning of ${bucket} cannot be read or enabled with these credentials.`);
  }
  return state;
}

/** Duplicate names and priorities are reported on the wizard's fields rather than as S3's generic error. */
function checkAgainstOtherRules(current: ReplicationConfiguration | null, input: RuleInput, refusal: Refusal): void {
  const others = (current?.Rules ?? []).filter((rule) => rule.ID === undefined || rule.ID !== input.editingRuleId);
  if (others.some((rule) => rule.ID === input.ruleName)) {
    refusal.add('ruleName', `A rule named ${input.ruleName} already exists on this bucket. Rule names must be unique.`);
  }
  const clash = others.find((rule) => rule.Priority === input.priority);
  if (clash) {
    refusal.add('priority', `Priority ${input.priority} is already used by rule ${clash.ID ?? '(unnamed)'}. Choose another.`);
  }
}

/** S3's own checks of the whole next configuration, with versioning as it will be after Save. */
function checkNextConfiguration(
  next: ReplicationConfiguration,
  ruleIndex: number,
  input: RuleInput,
  facts: Map<string, BucketFacts>,
  refusal: Refusal,
): void {
  const issues = validateReplicationConfiguration(next, {
    sourceBucket: input.sourceBucket,
    // Another account's bucket cannot be inspected: S3 checks it on PutBucketReplication.
    bucketInfo: (name) => facts.get(name) ?? { exists: true, versioning: 'Enabled' },
  });
  for (const issue of issues) {
    const field = issueField(issue.path, ruleIndex);
    const otherRule = field === undefined ? /^Rules\[(\d+)\]/.exec(issue.path) : null;
    const prefix = otherRule ? `Rule ${next.Rules[Number(otherRule[1])]?.ID ?? otherRule[1]}: ` : '';
    refusal.add(field ?? '_form', `${prefix}${issue.message}`);
  }
}

/**
 * Reads the world (buckets, configuration, role) and decides what Save does; refuses — with messages per
 * wizard field — anything S3 or IAM would refuse, and a configuration that changed since the wizard read it.
 * Reads only: calling it never changes anything.
 */
export async function planSave(deps: ReplicationDeps, requested: RuleInput): Promise<PlanResult> {
  let input = requested;
  const refusal = new Refusal();
  const source = await readBucketState(deps, input.sourceBucket);
  if (!source.exists) {
    refusal.add('sourceBucket', `Bucket ${input.sourceBucket} does not exist.`);
    return refusal.result('NoSuchBucket', `Bucket ${input.sourceBucket} does not exist.`);
  }
  if (source.versioning === 'Unknown') {
    refusal.add('sourceBucket', `Versioning of ${input.sourceBucket} cannot be read or enabled with these credentials.`);
    return refusal.result();
  }
  const current = await readReplicationConfiguration(deps, source.name, source.region);
  const currentFingerprint = current ? configurationFingerprint(current) : null;
  if (currentFingerprint !== input.expectedFingerprint) {
    if (!current || !isAlreadyApplied(current, input)) return refusal.result(CONFIGURATION_CHANGED_CODE, CONFIGURATION_CHANGED_MESSAGE);
    // A retry of a Save that already wrote this rule: plan from what is there, which changes nothing.
    input = { ...input, editingRuleId: input.ruleName, expectedFingerprint: currentFingerprint };
  }
  if (input.editingRuleId !== undefined && !current?.Rules.some((rule) => rule.ID === input.editingRuleId)) {
    return refusal.result(CONFIGURATION_CHANGED_CODE, CONFIGURATION_CHANGED_MESSAGE);
  }

  const destination = await readDestination(deps, input, refusal);
  checkAgainstOtherRules(current, input, refusal);
  if (!refusal.empty || !destination) return refusal.result();

  const rule = buildRule(input);
  // The role ARN is filled in below once known; upsertRule keeps every other rule as it is.
  const draft = upsertRule(current, rule, { replacesId: input.editingRuleId, role: current?.Role ?? '' });
  const ruleIndex = draft.Rules.findIndex((candidate) => candidate.ID === rule.ID);
  const regions = new Map<string, string>([[source.name, source.region]]);
  if (destination.exists === true) regions.set(destination.name, destination.region);
  const regionOf = (bucket: string) => regions.get(bucket);

  const role = await planRole(deps, input, draft.Rules, source, regionOf, refusal);
  if (!role) return refusal.result();
  const nextConfiguration: ReplicationConfiguration = { ...draft, Role: role.arn };

  const versioningToEnable = [...versioningChange(source), ...(destination.exists === true ? versioningChange(destination) : [])];
  const facts = new Map<string, BucketFacts>([[source.name, { exists: true, versioning: 'Enabled' }]]);
  if (destination.exists === true) facts.set(destination.name, { exists: true, versioning: 'Enabled' });
  checkNextConfiguration(nextConfiguration, ruleIndex, input, facts, refusal);
  if (!refusal.empty) return refusal.result();

  const warnings = roleWarnings(role);
  const roleChange = current && current.Role !== role.arn ? { from: current.Role, to: role.arn } : null;
  if (roleChange) {
    warnings.push(
      `A bucket has one replication role for all its rules: saving replaces ${roleChange.from} with ${roleChange.to} for every rule of ${source.name}.`,
    );
  }
  return {
    ok: true,
    plan: {
      source,
      destination,
      crossRegion: destination.exists === true ? destination.region !== source.region : null,
      versioningToEnable,
      role,
      roleChange,
      currentFingerprint,
      currentConfiguration: current,
      nextConfiguration,
      destinationBucketPolicy:
        input.destination.account === 'other'
          ? destinationBucketPolicy({ roleArn: role.arn, destinationBucket: destination.name, configuration: nextConfiguration })
          : null,
      warnings,
    },
  };
}
