/** What every server action returns; shared by the server wrapper and the client `unwrap`. */
export type ActionFailure = {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionFailure };

export const INVALID_INPUT_CODE = 'InvalidInput';
export const INTERNAL_ERROR_CODE = 'InternalError';
