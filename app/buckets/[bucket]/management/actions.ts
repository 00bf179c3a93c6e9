'use server';

import { action } from '@/lib/actions/action';
import type { ActionResult } from '@/lib/actions/result';
import { withRefusalAsFailure } from '@/lib/replication-console/refusal-result';
import { applyRuleChange, ruleChangeSchema, type RuleChange } from '@/lib/replication-console/rule-changes';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

type ChangeData = { fingerprint: string | null; configuration: ReplicationConfiguration | null };

const change = action(ruleChangeSchema, (input) => applyRuleChange(serverReplicationDeps(), input));

/** Delete / enable / disable a rule, reorder priorities, or change the configuration's role. */
export async function changeReplicationRuleAction(input: RuleChange): Promise<ActionResult<ChangeData>> {
  return withRefusalAsFailure<ChangeData>(await change(input));
}
