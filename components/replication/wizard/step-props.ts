import type { Dispatch } from 'react';
import type { WizardAction, WizardDraft } from './wizard-state';

/** What every step component receives from the wizard. */
export type StepProps = {
  draft: WizardDraft;
  dispatch: Dispatch<WizardAction>;
  errors: Record<string, string[]>;
};

export function setDraft(dispatch: Dispatch<WizardAction>, patch: Partial<WizardDraft>): void {
  dispatch({ type: 'set', patch });
}
