'use server';

import { action } from '@/lib/actions/action';
import type { ActionResult } from '@/lib/actions/result';
import { withRefusalAsFailure } from '@/lib/replication-console/refusal-result';
import { ruleInputSchema, type RuleInput } from '@/lib/replication-console/rule-input';
import { runSavePhase, type PhaseResult, type SavePhase } from '@/lib/replication-console/save-rule';
import type { SavePlan } from '@/lib/replication-console/save-plan';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

/**
 * Save, one server action per phase so the wizard can show each with its own status. Every phase validates the
 * whole input with zod and re-plans from the world before changing anything.
 */
type PhaseData<P extends SavePhase> = { plan: SavePlan; result: PhaseResult[P] };

function phaseAction<P extends SavePhase>(phase: P): (input: RuleInput) => Promise<ActionResult<PhaseData<P>>> {
  const run = action(ruleInputSchema, (input) => runSavePhase(serverReplicationDeps(), input, phase));
  return async (input) => withRefusalAsFailure<PhaseData<P>>(await run(input));
}

const enableVersioning = phaseAction('versioning');
const ensureRole = phaseAction('role');
const writeConfiguration = phaseAction('configuration');

export async function enableReplicationVersioningAction(input: RuleInput): Promise<ActionResult<PhaseData<'versioning'>>> {
  return enableVersioning(input);
}

export async function ensureReplicationRoleAction(input: RuleInput): Promise<ActionResult<PhaseData<'role'>>> {
  return ensureRole(input);
}

export async function saveReplicationConfigurationAction(input: RuleInput): Promise<ActionResult<PhaseData<'configuration'>>> {
  return writeConfiguration(input);
}
