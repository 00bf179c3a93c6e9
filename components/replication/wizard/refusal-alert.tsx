'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionFailure } from '@/lib/actions/result';
import { CONFIGURATION_CHANGED_CODE } from '@/lib/replication-console/save-plan';
import { stepOfField, WIZARD_STEPS, type WizardStep } from './wizard-state';

export type RefusalHandlers = {
  /** Show the field errors on their fields, at `step`. */
  onFix: (failure: ActionFailure, step: WizardStep) => void;
  /** The configuration changed meanwhile: plan again from the current one. */
  onConflict: () => void;
};

/** Why the server refused the rule, with a way to each step that needs a change. */
export function RefusalAlert({ refusal, onFix, onConflict }: { refusal: ActionFailure } & RefusalHandlers) {
  if (refusal.code === CONFIGURATION_CHANGED_CODE) {
    return (
      <Alert tone="error" title="The replication configuration changed" action={<Button onClick={onConflict}>Review again with the current configuration</Button>}>
        {refusal.message}
      </Alert>
    );
  }
  const entries = Object.entries(refusal.fieldErrors ?? {});
  return (
    <Alert tone="error" title={refusal.message}>
      <ul className="space-y-1">
        {entries.map(([field, messages]) => {
          const step = stepOfField(field);
          return (
            <li key={field}>
              {messages.join(' ')}{' '}
              {step < 3 ? (
                <Button variant="link" onClick={() => onFix(refusal, step)}>
                  Change it in {WIZARD_STEPS[step]}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
