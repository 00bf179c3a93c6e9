import { NextResponse, type NextRequest } from 'next/server';
import { consoleAuth, LOGIN_PATH, SESSION_COOKIE } from './console-auth';
import { contentSecurityPolicy, newNonce } from './content-security-policy';
import { verifySessionToken } from './session-token';

/** Reachable without a session: the login page and its form target, logout, and the liveness check. */
const PUBLIC_PATHS = new Set([LOGIN_PATH, `${LOGIN_PATH}/submit`, `${LOGIN_PATH}/logout`, '/api/health']);

const isApiOrAction = (request: NextRequest) =>
  request.nextUrl.pathname.startsWith('/api/') || request.headers.has('next-action') || request.method !== 'GET';

function refuse(request: NextRequest, csp: string): NextResponse {
  if (isApiOrAction(request)) {
    const response = NextResponse.json({ error: { code: 'Unauthorized', message: 'Sign in to the console first.' } }, { status: 401 });
    response.headers.set('Content-Security-Policy', csp);
    return response;
  }
  // Absolute here: Next's proxy adapter resolves a redirect's Location itself (a relative one fails), and in the
  // proxy request.url carries the host the browser used.
  const login = new URL(LOGIN_PATH, request.url);
  login.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.redirect(login, 303);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

/**
 * The proxy's work for every request: a fresh CSP nonce (handed to Next in the request's CSP header, which is
 * where Next reads it), and, when CONSOLE_PASSWORD is set, a valid session or a refusal (a redirect to /login for
 * pages, 401 for route handlers and server actions).
 */
export function guardRequest(request: NextRequest, env: Record<string, string | undefined> = process.env, nowMs = Date.now()): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: env.NODE_ENV === 'development' });
  const auth = consoleAuth(env);
  if (auth && !PUBLIC_PATHS.has(request.nextUrl.pathname)) {
    const session = verifySessionToken(auth.key, request.cookies.get(SESSION_COOKIE)?.value, nowMs);
    if (!session) return refuse(request, csp);
  }
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}
