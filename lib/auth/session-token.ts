import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Console session tokens: `<payload>.<signature>`, both base64url; the payload is `{"iat":…,"exp":…}` (seconds) and
 * the signature is HMAC-SHA256 over the encoded payload. Pure functions, no Next.js: used by the proxy, the login
 * route and the server-action wrapper.
 */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface SessionPayload {
  iat: number;
  exp: number;
}

/**
 * The signing key. With CONSOLE_SESSION_SECRET it is derived from that secret (sessions survive a restart);
 * otherwise from the password and a random salt chosen at start-up (a restart signs everyone out). Either way a
 * new password invalidates every session, because the password is part of the key material.
 */
export function deriveSessionKey(input: { password: string; secret?: string; salt?: Buffer }): Buffer {
  const material = input.secret ? `${input.secret}\u0000${input.password}` : input.password;
  const salt = input.secret ? Buffer.alloc(0) : (input.salt ?? randomBytes(32));
  return Buffer.from(hkdfSync('sha256', material, salt, 's3-replication-console session v1', 32));
}

const sign = (key: Buffer, encodedPayload: string) => createHmac('sha256', key).update(encodedPayload).digest();

export function issueSessionToken(key: Buffer, nowMs: number, ttlSeconds = SESSION_TTL_SECONDS): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: SessionPayload = { iat, exp: iat + ttlSeconds };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(key, encoded).toString('base64url')}`;
}

/** The payload of a valid, unexpired token; undefined for anything else (never throws). */
export function verifySessionToken(key: Buffer, token: string | undefined, nowMs = Date.now()): SessionPayload | undefined {
  if (!token || token.length > 512) return undefined;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return undefined;
  const encoded = token.slice(0, dot);
  const provided = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = sign(key, encoded);
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { iat, exp } = (payload ?? {}) as Partial<SessionPayload>;
  if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
  const now = Math.floor(nowMs / 1000);
  if (exp <= now || iat > now + 60) return undefined;
  return { iat, exp };
}

/** Compares a password attempt with the configured one in constant time (hashes first: lengths may differ). */
export function passwordMatches(expected: string, attempt: string): boolean {
  const digest = (value: string) => createHmac('sha256', 'console-password').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(attempt));
}
