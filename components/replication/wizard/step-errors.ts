import { ruleInputSchema } from '@/lib/replication-console/rule-input';
import { draftToInput, stepOfField, type WizardDraft, type WizardStep } from './wizard-state';

/**
 * The browser-side check of one step (the server checks everything again). Its own module because it brings zod:
 * the wizard loads it after the page, not as part of the page's first JavaScript.
 */
export function stepErrors(draft: WizardDraft, step: WizardStep): Record<string, string[]> {
  const parsed = ruleInputSchema.safeParse(draftToInput(draft));
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (stepOfField(path) > step) continue;
    (errors[path || '_form'] ??= []).push(issue.message);
  }
  return errors;
}
