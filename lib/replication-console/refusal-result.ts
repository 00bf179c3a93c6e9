import type { ActionResult } from '@/lib/actions/result';
import type { SaveRefusal } from './save-plan';

/** The outcome's members except its `ok` flag. */
function withoutOk<T>(outcome: { ok: true } & T): T {
  const data: Partial<{ ok: true } & T> = { ...outcome };
  delete data.ok;
  return data as T;
}

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
  return { ok: true, data: withoutOk(outcome) };
}
