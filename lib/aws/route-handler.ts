import 'server-only';
import { ConsoleEnvError } from '@/lib/env';
import type { ApiErrorBody } from '@/lib/queries/api-error';
import { describeAwsError } from './errors';

/** The JSON error a route handler answers with, and its status. */
export function errorBody(error: unknown): { status: number; body: ApiErrorBody } {
  const described = describeAwsError(error);
  if (described) return { status: described.status, body: { error: { code: described.code, message: described.message } } };
  if (error instanceof ConsoleEnvError) {
    return { status: 500, body: { error: { code: 'ConfigurationError', message: error.message } } };
  }
  console.error('Route handler failed:', error);
  return { status: 500, body: { error: { code: 'InternalError', message: 'Something went wrong on the server.' } } };
}

/**
 * Wraps a GET route handler: its result becomes a JSON 200 (never cached); a thrown error becomes
 * `{ error: { code, message } }` with a fitting status and no stack trace.
 */
export function jsonRoute<Context, T>(
  fn: (request: Request, context: Context) => Promise<T>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      return Response.json(await fn(request, context), { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      const { status, body } = errorBody(error);
      return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
    }
  };
}
