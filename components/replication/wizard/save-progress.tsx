'use client';

import { useState } from 'react';
import {
  enableReplicationVersioningAction,
  ensureReplicationRoleAction,
  saveReplicationConfigurationAction,
} from '@/app/replication/actions';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import type { ActionFailure, ActionResult } from '@/lib/actions/result';
import type { RuleInput } from '@/lib/replication-console/rule-input';
import { CONFIGURATION_CHANGED_CODE, type SavePlan } from '@/lib/replication-console/save-plan';
import { RefusalAlert, type RefusalHandlers } from './refusal-alert';

type PhaseStatus = 'waiting' | 'running' | 'done' | 'failed';

/** One Save phase: its label, its action, and a few words on what it did (shown next to its ✓). */
type Phase = { label: string; run: (input: RuleInput) => Promise<ActionResult<string>> };

const outcome = <T,>(result: ActionResult<T>, describe: (data: T) => string): ActionResult<string> =>
  result.ok ? { ok: true, data: describe(result.data) } : result;

const runVersioning = async (input: RuleInput) =>
  outcome(await enableReplicationVersioningAction(input), ({ result }) =>
    result.enabled.length > 0 ? `enabled on ${result.enabled.join(', ')}` : 'already enabled',
  );

const runRole = async (input: RuleInput) =>
  outcome(await ensureReplicationRoleAction(input), ({ result }) =>
    result.createdRole ? 'created' : result.wrotePolicy ? 'permissions updated' : 'already in place',
  );

const runConfiguration = async (input: RuleInput) => outcome(await saveReplicationConfigurationAction(input), () => 'saved');

function phasesFor(plan: SavePlan): Phase[] {
  const versioning = plan.versioningToEnable.map((change) => change.bucket);
  const role = plan.role;
  const roleLabel =
    role.kind === 'new'
      ? role.exists
        ? `Reuse IAM role ${role.name}${role.writesPolicy ? ' and update its permission policy' : ''}`
        : `Create IAM role ${role.name} and its permission policy ${role.policyName}`
      : role.addMissingPermissions && role.missingPermissions.length > 0
        ? `Add the missing permissions to IAM role ${role.name}`
        : `Use IAM role ${role.name}`;
  return [
    {
      label: versioning.length > 0 ? `Enable versioning on ${versioning.join(' and ')}` : 'Check versioning (already enabled)',
      run: runVersioning,
    },
    { label: roleLabel, run: runRole },
    {
      label: `Save the replication configuration of ${plan.source.name} (${plan.nextConfiguration.Rules.length} rule${plan.nextConfiguration.Rules.length === 1 ? '' : 's'})`,
      run: runConfiguration,
    },
  ];
}

/** A refusal names what to change (field errors) or that the configuration changed; anything else is retried. */
function isRefusal(failure: ActionFailure): boolean {
  return failure.code === CONFIGURATION_CHANGED_CODE || Object.keys(failure.fieldErrors ?? {}).length > 0;
}

const STATUS_TEXT: Record<PhaseStatus, string> = { waiting: 'Waiting', running: 'In progress', done: 'Done', failed: 'Failed' };

function StatusIcon({ status }: { status: PhaseStatus }) {
  if (status === 'running') return <Spinner label={null} />;
  const icon = { waiting: '○', done: '✓', failed: '✕' }[status];
  const colour = { waiting: 'text-gray-500', done: 'text-green-700', failed: 'text-red-700' }[status];
  return (
    <span aria-hidden="true" className={`inline-block w-4 text-center font-bold ${colour}`}>
      {icon}
    </span>
  );
}

/**
 * Runs Save's phases one server action at a time and shows each with its own status. A failed phase can be
 * retried: every phase re-checks the world on the server and does nothing twice.
 */
export function SaveProgress({
  plan,
  input,
  onSaved,
  ...handlers
}: {
  plan: SavePlan;
  input: RuleInput;
  onSaved: () => void;
} & RefusalHandlers) {
  const phases = phasesFor(plan);
  const [statuses, setStatuses] = useState<PhaseStatus[]>(() => phases.map(() => 'waiting'));
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [details, setDetails] = useState<string[]>(() => phases.map(() => ''));
  const running = statuses.includes('running');

  async function runFrom(start: number) {
    setFailure(null);
    for (let index = start; index < phases.length; index += 1) {
      setStatuses((current) => current.map((status, i) => (i === index ? 'running' : i > index ? 'waiting' : status)));
      let result: ActionResult<string>;
      try {
        result = await phases[index].run(input);
      } catch {
        result = { ok: false, error: { code: 'NetworkError', message: 'The console server did not answer. Is it still running?' } };
      }
      if (!result.ok) {
        setStatuses((current) => current.map((status, i) => (i === index ? 'failed' : status)));
        setFailure(result.error);
        return;
      }
      const detail = result.data;
      setDetails((current) => current.map((text, i) => (i === index ? detail : text)));
      setStatuses((current) => current.map((status, i) => (i === index ? 'done' : status)));
    }
    onSaved();
  }

  const failedAt = statuses.indexOf('failed');
  const started = statuses.some((status) => status !== 'waiting');
  return (
    <div className="space-y-3">
      <ol className="space-y-2" aria-label="Save steps">
        {phases.map((phase, index) => (
          <li key={phase.label} className="flex items-center gap-2 text-sm">
            <StatusIcon status={statuses[index]} />
            <span>{phase.label}</span>
            {details[index] ? <span className="text-gray-600">— {details[index]}</span> : null}
            <span className="sr-only">: {STATUS_TEXT[statuses[index]]}</span>
          </li>
        ))}
      </ol>
      <StatusMessage>{running ? 'Saving…' : failure ? `Save stopped: ${failure.message}` : null}</StatusMessage>
      {failure && isRefusal(failure) ? <RefusalAlert refusal={failure} {...handlers} /> : null}
      {failure && !isRefusal(failure) ? (
        <p className="text-sm text-red-700">
          {failure.code}: {failure.message}
        </p>
      ) : null}
      {!started ? (
        <Button variant="primary" onClick={() => void runFrom(0)}>
          Save
        </Button>
      ) : failedAt >= 0 && !running && failure && !isRefusal(failure) ? (
        <Button variant="primary" onClick={() => void runFrom(failedAt)}>
          Retry from the failed step
        </Button>
      ) : null}
    </div>
  );
}
