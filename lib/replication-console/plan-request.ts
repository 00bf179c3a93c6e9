import type { ReplicationDeps } from './deps';
import { planSave } from './plan-save';
import { ruleInputSchema } from './rule-input';
import type { PlanResult } from './save-plan';

/** The Review step's plan from a JSON body; bad input is a refusal with per-field messages, never a 500. */
export async function planFromRequestBody(deps: ReplicationDeps, body: string): Promise<PlanResult> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, refusal: { code: 'InvalidInput', message: 'The request body is not JSON.', fieldErrors: {} } };
  }
  const parsed = ruleInputSchema.safeParse(json);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, refusal: { code: 'InvalidInput', message: 'Some fields are not valid.', fieldErrors } };
  }
  return planSave(deps, parsed.data);
}
