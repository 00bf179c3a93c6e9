import { DeleteBucketReplicationCommand, PutBucketReplicationCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { configurationFingerprint, removeRule, reorderPriorities, setRuleStatus } from '@/lib/replication/merge';
import { REPLICATION_STATUSES } from '@/lib/replication/constants';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { validateReplicationConfiguration } from '@/lib/replication/validate';
import { validateBucketName } from '@/lib/s3/bucket-name';
import { readBucketState, readReplicationConfiguration } from './bucket-state';
import { withConfigurationLock } from './configuration-lock';
import type { ReplicationDeps } from './deps';
import { readRole, roleNameFromArn } from './role-state';
import { CONFIGURATION_CHANGED_CODE, CONFIGURATION_CHANGED_MESSAGE, type SaveRefusal } from './save-plan';

/**
 * The rules table's actions on an existing configuration: delete a rule, enable/disable one, reorder priorities,
 * change the configuration's role ("Edit global settings"). Each is a read-modify-write guarded by the
 * fingerprint the table was rendered from; the other rules are kept as they are.
 */

const bucket = z.string().refine((name) => validateBucketName(name).length === 0, 'Not a valid bucket name.');
const ruleId = z.string().min(1, 'Choose a rule.');

const common = { bucket, expectedFingerprint: z.string().min(1) };

export const ruleChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delete'), ruleId, ...common }),
  z.object({ kind: z.literal('status'), ruleId, status: z.enum(REPLICATION_STATUSES), ...common }),
  z.object({
    kind: z.literal('priorities'),
    /** Rule IDs from the highest priority to the lowest. */
    order: z.array(ruleId).min(1),
    ...common,
  }),
  z.object({
    kind: z.literal('role'),
    roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'Choose an IAM role.'),
    ...common,
  }),
]);
export type RuleChange = z.infer<typeof ruleChangeSchema>;

export type RuleChangeOutcome =
  | { ok: true; fingerprint: string | null; configuration: ReplicationConfiguration | null }
  | { ok: false; refusal: SaveRefusal };

function refuse(code: string, message: string, fieldErrors: Record<string, string[]> = {}): RuleChangeOutcome {
  return { ok: false, refusal: { code, message, fieldErrors } };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function changedConfiguration(config: ReplicationConfiguration, change: RuleChange): ReplicationConfiguration | string {
  switch (change.kind) {
    case 'delete':
      return removeRule(config, change.ruleId);
    case 'status':
      return setRuleStatus(config, change.ruleId, change.status);
    case 'priorities': {
      const ids = config.Rules.map((rule) => rule.ID ?? '');
      if (!sameIds(ids, change.order)) return 'The list of rules to reorder does not match the configuration.';
      return reorderPriorities(config, change.order);
    }
    case 'role':
      return { ...config, Role: change.roleArn };
  }
}

export async function applyRuleChange(deps: ReplicationDeps, change: RuleChange): Promise<RuleChangeOutcome> {
  return withConfigurationLock(change.bucket, () => applyRuleChangeNow(deps, change));
}

async function applyRuleChangeNow(deps: ReplicationDeps, change: RuleChange): Promise<RuleChangeOutcome> {
  const source = await readBucketState(deps, change.bucket);
  if (!source.exists) return refuse('NoSuchBucket', `Bucket ${change.bucket} does not exist.`);
  const current = await readReplicationConfiguration(deps, source.name, source.region);
  if (!current || configurationFingerprint(current) !== change.expectedFingerprint) {
    return refuse(CONFIGURATION_CHANGED_CODE, CONFIGURATION_CHANGED_MESSAGE);
  }
  if ('ruleId' in change && !current.Rules.some((rule) => rule.ID === change.ruleId)) {
    return refuse(CONFIGURATION_CHANGED_CODE, CONFIGURATION_CHANGED_MESSAGE);
  }
  if (change.kind === 'role') {
    const name = roleNameFromArn(change.roleArn);
    if (!name || !(await readRole(deps.iam, name))) {
      return refuse('InvalidInput', 'Some choices cannot be saved.', { roleArn: [`The role ${change.roleArn} does not exist.`] });
    }
  }

  const next = changedConfiguration(current, change);
  if (typeof next === 'string') return refuse('InvalidInput', next, { order: [next] });
  const s3 = deps.s3(source.region);
  if (next.Rules.length === 0) {
    // S3 refuses a configuration without rules: deleting the last rule deletes the configuration.
    await s3.send(new DeleteBucketReplicationCommand({ Bucket: source.name }));
    return { ok: true, fingerprint: null, configuration: null };
  }
  const issues = validateReplicationConfiguration(next, { sourceBucket: source.name });
  if (issues.length > 0) {
    return refuse(issues[0].code, issues[0].message, { _form: issues.map((issue) => issue.message) });
  }
  await s3.send(new PutBucketReplicationCommand({ Bucket: source.name, ReplicationConfiguration: next }));
  return { ok: true, fingerprint: configurationFingerprint(next), configuration: next };
}
