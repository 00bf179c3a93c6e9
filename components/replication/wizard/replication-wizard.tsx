'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import dynamic from 'next/dynamic';
import { useEffect, useReducer, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { ActionFailure } from '@/lib/actions/result';
import { bucketKeys } from '@/lib/queries/buckets';
import { fetchBucketReplication, replicationKeys } from '@/lib/queries/replication';
import { StepSource } from './step-source';
import {
  draftToInput,
  initialWizardState,
  WIZARD_STEPS,
  wizardReducer,
  type WizardDraft,
  type WizardStep,
} from './wizard-state';

// Steps after the first, and the step check (it brings zod), load after the page: not part of its first JavaScript.
const StepDestination = dynamic(() => import('./step-destination').then((module) => module.StepDestination));
const StepOptions = dynamic(() => import('./step-options').then((module) => module.StepOptions));
const StepReview = dynamic(() => import('./step-review').then((module) => module.StepReview));
const loadStepErrors = () => import('./step-errors').then((module) => module.stepErrors);

function StepList({ step, reached, onGoTo }: { step: WizardStep; reached: WizardStep; onGoTo: (step: WizardStep) => void }) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="flex flex-wrap gap-2">
        {WIZARD_STEPS.map((label, index) => {
          const current = index === step;
          return (
            <li key={label}>
              <button
                type="button"
                aria-current={current ? 'step' : undefined}
                disabled={index > reached}
                onClick={() => onGoTo(index as WizardStep)}
                className={cn(
                  'rounded-full border-2 px-3 py-1 text-sm',
                  current ? 'border-action bg-action font-bold text-white' : 'border-line bg-white',
                  'disabled:opacity-50',
                )}
              >
                Step {index + 1}: {label}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * The four-step replication rule wizard. Its state lives in one reducer; the only server calls are reads
 * (buckets, roles, scope preview, the Review plan) and the Save phases.
 */
export function ReplicationWizard({ initialDraft, currentRole }: { initialDraft: WizardDraft; currentRole: string | null }) {
  const [state, dispatch] = useReducer(wizardReducer, initialDraft, initialWizardState);
  const [reviewKey, setReviewKey] = useState(0);
  const router = useRouter();
  const queryClient = useQueryClient();
  const { step, draft, fieldErrors } = state;

  useEffect(() => {
    void loadStepErrors();
  }, []);

  async function goTo(target: WizardStep) {
    if (target > step) {
      const stepErrors = await loadStepErrors();
      const errors = stepErrors(draft, step);
      if (Object.keys(errors).length > 0) {
        dispatch({ type: 'showErrors', fieldErrors: errors });
        return;
      }
    }
    dispatch({ type: 'goTo', step: target });
    if (target === 3) setReviewKey((key) => key + 1);
  }

  function onFix(failure: ActionFailure, target: WizardStep) {
    dispatch({ type: 'showErrors', fieldErrors: failure.fieldErrors ?? {}, step: target });
  }

  async function onConflict() {
    const view = await fetchBucketReplication(draft.sourceBucket);
    dispatch({ type: 'set', patch: { expectedFingerprint: view.fingerprint } });
    setReviewKey((key) => key + 1);
  }

  function onSaved() {
    const params = new URLSearchParams({ saved: draft.ruleName.trim() });
    if (draft.editingRuleId === undefined) params.set('added', '1');
    // Refreshed reads for the page we go to (the wizard's own read is not refetched while it is open).
    void queryClient.invalidateQueries({ queryKey: replicationKeys.bucket(draft.sourceBucket), exact: true });
    void queryClient.invalidateQueries({ queryKey: replicationKeys.rules() });
    void queryClient.invalidateQueries({ queryKey: bucketKeys.all });
    router.push(`/buckets/${encodeURIComponent(draft.sourceBucket)}/management?${params}`);
  }

  const stepProps = { draft, dispatch, errors: fieldErrors };
  return (
    <div className="space-y-4">
      <StepList step={step} reached={state.reached} onGoTo={(target) => void goTo(target)} />
      <h2 className="text-xl font-bold">
        Step {step + 1}: {WIZARD_STEPS[step]}
      </h2>
      {fieldErrors._form ? <p className="text-sm text-red-700">{fieldErrors._form.join(' ')}</p> : null}
      {step === 0 ? <StepSource {...stepProps} /> : null}
      {step === 1 ? <StepDestination {...stepProps} /> : null}
      {step === 2 ? <StepOptions {...stepProps} currentRole={currentRole} /> : null}
      {step === 3 ? (
        <StepReview
          key={reviewKey}
          input={draftToInput(draft)}
          onSaved={onSaved}
          onFix={onFix}
          onConflict={() => void onConflict()}
        />
      ) : null}
      <div className="flex gap-2">
        {step > 0 ? <Button onClick={() => void goTo((step - 1) as WizardStep)}>Previous</Button> : null}
        {step < 3 ? (
          <Button variant="primary" onClick={() => void goTo((step + 1) as WizardStep)}>
            Next
          </Button>
        ) : null}
      </div>
    </div>
  );
}
