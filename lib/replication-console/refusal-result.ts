import type { ActionResult } from '@/lib/actions/result';
import type { SaveRefusal } from './save-plan';

type Refusable<T> = ({ ok: true } & T) | { ok: false; refusal: SaveRefusal };

/**
 * The orchestration reports refused input as data (so it can carry per-field messages); server actions turn
 * that into the one ActionResult failure shape, with its fieldErrors.
 */
export function withRefusalAsFailure<T>(result: ActionResult<Refusable<T>>): ActionResult<T> {
  if (!result.ok) return result;
  const outcome = result.data;
  if (!outcome.ok) {
    const { code, message, fieldErrors } = outcome.refusal;
    return { ok: false, error: { code, message, fieldErrors } };
  }
  const { ok: _ok, ...data } = outcome;
  return { ok: true, data: data as unknown as T };
}
