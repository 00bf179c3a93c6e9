import 'server-only';
import { cookies } from 'next/headers';
import type { ActionFailure } from '@/lib/actions/result';
import { consoleAuth, SESSION_COOKIE } from './console-auth';
import { verifySessionToken } from './session-token';

export const UNAUTHORIZED_CODE = 'Unauthorized';

/**
 * Server actions are POSTs to whatever page uses them, so the proxy's path rules alone are not enough (Next's
 * docs say as much): the action wrapper asks this before running anything. Undefined = go ahead.
 */
export async function actionSessionRefusal(): Promise<ActionFailure | undefined> {
  const auth = consoleAuth();
  if (!auth) return undefined;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (verifySessionToken(auth.key, token, Date.now())) return undefined;
  return { code: UNAUTHORIZED_CODE, message: 'Your console session has ended. Sign in again.' };
}
