import { canonicalJson } from '@/lib/replication/merge';
import { roleNameFor } from '@/lib/replication/policy';
import { rulePrefix, ruleTags } from '@/lib/replication/rule-shape';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import { buildRule } from './build-rule';
import type { RuleInput } from './rule-input';

/** A rule with its filter as (prefix, tags): `<Filter/>` and `<Filter><Prefix/></Filter>` both mean the whole bucket. */
function comparable(rule: ReplicationRule): string {
  return canonicalJson({ ...rule, Filter: { prefix: rulePrefix(rule), tags: ruleTags(rule) } });
}

/**
 * Whether `current` already holds exactly the rule this input describes, with the chosen role: what a Save whose
 * configuration write succeeded but whose answer was lost leaves behind. Retrying it is then not a conflict.
 */
export function isAlreadyApplied(current: ReplicationConfiguration, input: RuleInput): boolean {
  const rule = buildRule(input);
  const stored = current.Rules.find((candidate) => candidate.ID === rule.ID);
  if (!stored || comparable(stored) !== comparable(rule)) return false;
  return input.role.kind === 'existing'
    ? current.Role === input.role.arn
    : current.Role.endsWith(`/${roleNameFor(input.sourceBucket, input.destination.bucket)}`);
}
