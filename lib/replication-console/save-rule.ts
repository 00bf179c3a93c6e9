import { withConfigurationLock } from './configuration-lock';
import type { ReplicationDeps } from './deps';
import { planSave } from './plan-save';
import type { RuleInput } from './rule-input';
import {
  enableVersioningPhase,
  ensureRolePhase,
  writeConfigurationPhase,
  type ConfigurationPhaseResult,
  type RolePhaseResult,
  type VersioningPhaseResult,
} from './save-phases';
import type { SavePlan, SaveRefusal } from './save-plan';

/** The phases of Save in order; the wizard shows one line per phase with its own status. */
export const SAVE_PHASES = ['versioning', 'role', 'configuration'] as const;
export type SavePhase = (typeof SAVE_PHASES)[number];

export type PhaseResult = {
  versioning: VersioningPhaseResult;
  role: RolePhaseResult;
  configuration: ConfigurationPhaseResult;
};

export type PhaseOutcome<P extends SavePhase> =
  | { ok: true; plan: SavePlan; result: PhaseResult[P] }
  | { ok: false; refusal: SaveRefusal };

const PHASES: { [P in SavePhase]: (deps: ReplicationDeps, plan: SavePlan) => Promise<PhaseResult[P]> } = {
  versioning: enableVersioningPhase,
  role: ensureRolePhase,
  configuration: writeConfigurationPhase,
};

/**
 * One phase of Save, as one server action runs it: plan again from the world as it is now (so a refused input
 * or a changed configuration stops here, before any change), then do that phase only.
 */
export async function runSavePhase<P extends SavePhase>(deps: ReplicationDeps, input: RuleInput, phase: P): Promise<PhaseOutcome<P>> {
  const run = async (): Promise<PhaseOutcome<P>> => {
    const planned = await planSave(deps, input);
    if (!planned.ok) return planned;
    const result = await PHASES[phase](deps, planned.plan);
    return { ok: true, plan: planned.plan, result };
  };
  // The configuration's check and write must not interleave with another Save's (see configuration-lock.ts).
  return phase === 'configuration' ? withConfigurationLock(input.sourceBucket, run) : run();
}

export type SaveOutcome =
  | { ok: true; plan: SavePlan; results: PhaseResult }
  /** `refusedAt`: the phase whose re-check refused (nothing of it, or after it, was done). */
  | { ok: false; refusal: SaveRefusal; refusedAt: SavePhase };

/** The whole Save in one call (the phases in order, each re-planned): used by tests and scripts. */
export async function saveReplicationRule(deps: ReplicationDeps, input: RuleInput): Promise<SaveOutcome> {
  const versioning = await runSavePhase(deps, input, 'versioning');
  if (!versioning.ok) return { ...versioning, refusedAt: 'versioning' };
  const role = await runSavePhase(deps, input, 'role');
  if (!role.ok) return { ...role, refusedAt: 'role' };
  const configuration = await runSavePhase(deps, input, 'configuration');
  if (!configuration.ok) return { ...configuration, refusedAt: 'configuration' };
  return {
    ok: true,
    plan: configuration.plan,
    results: { versioning: versioning.result, role: role.result, configuration: configuration.result },
  };
}
