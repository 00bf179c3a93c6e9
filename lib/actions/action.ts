import 'server-only';
import type { z } from 'zod';
import { actionSessionRefusal } from '@/lib/auth/action-session';
import { describeAwsError } from '@/lib/aws/errors';
import { ConsoleEnvError } from '@/lib/env';
import { INTERNAL_ERROR_CODE, INVALID_INPUT_CODE, type ActionResult } from './result';

export type { ActionResult } from './result';

/** Key under which errors about the input as a whole (not one field) are reported. */
export const FORM_ERROR_KEY = '_form';

function collectFieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : FORM_ERROR_KEY;
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * The one boundary for server actions: parse the input with `schema` (keeping every field error), run `fn`,
 * and turn whatever it throws into a result the browser can show. Use it in a `'use server'` file:
 * `export const createBucketAction = action(createBucketInput, async (input) => …);`
 */
export function action<Schema extends z.ZodType, T>(
  schema: Schema,
  fn: (input: z.output<Schema>) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (input) => {
    const refusal = await actionSessionRefusal();
    if (refusal) return { ok: false, error: refusal };
    const parsed = await schema.safeParseAsync(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: INVALID_INPUT_CODE,
          message: 'Some fields are not valid.',
          fieldErrors: collectFieldErrors(parsed.error.issues),
        },
      };
    }
    try {
      return { ok: true, data: await fn(parsed.data) };
    } catch (error) {
      const described = describeAwsError(error);
      if (described) return { ok: false, error: { code: described.code, message: described.message } };
      if (error instanceof ConsoleEnvError) return { ok: false, error: { code: 'ConfigurationError', message: error.message } };
      console.error('Server action failed:', error);
      return { ok: false, error: { code: INTERNAL_ERROR_CODE, message: 'Something went wrong on the server.' } };
    }
  };
}
