import type { ActionFailure, ActionResult } from './result';

/** Thrown by `unwrap` so `useMutation`'s `onError` gets the action's code, message and field errors. */
export class ActionError extends Error {
  readonly code: string;
  readonly fieldErrors: Record<string, string[]>;

  constructor(failure: ActionFailure) {
    super(failure.message);
    this.name = 'ActionError';
    this.code = failure.code;
    this.fieldErrors = failure.fieldErrors ?? {};
  }
}

/** `mutationFn: (input) => createBucketAction(input).then(unwrap)` */
export function unwrap<T>(result: ActionResult<T>): T {
  if (result.ok) return result.data;
  throw new ActionError(result.error);
}

export function isActionError(error: unknown): error is ActionError {
  return error instanceof ActionError;
}
