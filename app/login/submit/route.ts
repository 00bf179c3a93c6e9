import { NextResponse, type NextRequest } from 'next/server';
import { consoleAuth, isHttps, LOGIN_PATH, safeNextPath, SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/console-auth';
import { attemptLogin } from '@/lib/auth/login-attempt';
import { seeOther } from '@/lib/auth/see-other';
import { SESSION_TTL_SECONDS } from '@/lib/auth/session-token';

const MAX_FORM_BYTES = 16 * 1024;

function tooManyAttempts(retryAfterSeconds: number): NextResponse {
  const message = `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`;
  return new NextResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts</title></head>` +
      `<body><main><h1>Too many attempts</h1><p role="alert">${message}</p><p><a href="${LOGIN_PATH}">Back to sign-in</a></p></main></body></html>`,
    { status: 429, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(retryAfterSeconds) } },
  );
}

/** The login form's target (a plain form POST: works without JavaScript). */
export async function POST(request: NextRequest): Promise<NextResponse> {
  const auth = consoleAuth();
  if (!auth) return seeOther('/buckets');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_FORM_BYTES) return NextResponse.json({ error: { code: 'PayloadTooLarge', message: 'The form is too large.' } }, { status: 413 });
  const form = await request.formData().catch(() => undefined);
  const password = form?.get('password');
  const next = safeNextPath(typeof form?.get('next') === 'string' ? (form?.get('next') as string) : undefined);
  const outcome = attemptLogin(auth, request.headers, typeof password === 'string' ? password : '', Date.now());
  if (outcome.kind === 'rate-limited') return tooManyAttempts(outcome.retryAfterSeconds);
  if (outcome.kind === 'wrong-password') {
    return seeOther(`${LOGIN_PATH}?${new URLSearchParams({ error: 'invalid', next })}`);
  }
  const response = seeOther(next);
  response.cookies.set(SESSION_COOKIE, outcome.token, sessionCookieOptions(isHttps(request.nextUrl, request.headers), SESSION_TTL_SECONDS));
  return response;
}
