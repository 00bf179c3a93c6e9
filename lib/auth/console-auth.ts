import { randomBytes } from 'node:crypto';
import { RateLimiter } from './rate-limiter';
import { deriveSessionKey } from './session-token';

/** The console's login settings from the environment; undefined when CONSOLE_PASSWORD is unset (no login). */
export interface ConsoleAuth {
  password: string;
  key: Buffer;
  /** 5 attempts per minute per client address. */
  perClient: RateLimiter;
  /** A ceiling over all clients, since a client can claim any X-Forwarded-For address. */
  overall: RateLimiter;
}

export const SESSION_COOKIE = 's3rc_session';
export const LOGIN_PATH = '/login';
export const LOGIN_ATTEMPTS_PER_MINUTE = 5;
const OVERALL_ATTEMPTS_PER_MINUTE = 60;

interface SharedState {
  salt: Buffer;
  configured?: { password: string; secret?: string; auth: ConsoleAuth };
}

/**
 * Kept on globalThis: Next bundles the proxy and the app separately, and both must agree on the per-start salt
 * and share the rate limiters within this process.
 */
const STATE_KEY = Symbol.for('s3-replication-console.auth');
function sharedState(): SharedState {
  const holder = globalThis as { [STATE_KEY]?: SharedState };
  holder[STATE_KEY] ??= { salt: randomBytes(32) };
  return holder[STATE_KEY];
}

const trimmed = (value: string | undefined) => (value?.trim() ? value : undefined);

export function consoleAuth(env: Record<string, string | undefined> = process.env): ConsoleAuth | undefined {
  const password = trimmed(env.CONSOLE_PASSWORD);
  if (!password) return undefined;
  const secret = trimmed(env.CONSOLE_SESSION_SECRET);
  const state = sharedState();
  if (state.configured?.password !== password || state.configured.secret !== secret) {
    state.configured = {
      password,
      secret,
      auth: {
        password,
        key: deriveSessionKey({ password, secret, salt: state.salt }),
        perClient: new RateLimiter({ limit: LOGIN_ATTEMPTS_PER_MINUTE, windowMs: 60_000 }),
        overall: new RateLimiter({ limit: OVERALL_ATTEMPTS_PER_MINUTE, windowMs: 60_000 }),
      },
    };
  }
  return state.configured.auth;
}

/** The client address Next.js records (X-Forwarded-For, first entry); `unknown` when absent. */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}

/** Secure cookies when the console is served over https (directly or behind a TLS-terminating proxy). */
export function isHttps(url: URL, headers: Headers): boolean {
  return url.protocol === 'https:' || headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: '/', maxAge: maxAgeSeconds };
}

/** Only same-origin paths are followed after login (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(LOGIN_PATH)) return '/buckets';
  return next;
}
