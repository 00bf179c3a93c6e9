import { clientAddress, type ConsoleAuth } from './console-auth';
import { issueSessionToken, passwordMatches } from './session-token';

export type LoginOutcome =
  | { kind: 'signed-in'; token: string }
  | { kind: 'wrong-password' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

/** One login attempt: rate limits first (a refused attempt never reaches the password check), then the password. */
export function attemptLogin(auth: ConsoleAuth, headers: Headers, password: string, nowMs: number): LoginOutcome {
  const client = clientAddress(headers);
  const perClient = auth.perClient.attempt(client);
  if (!perClient.allowed) return { kind: 'rate-limited', retryAfterSeconds: perClient.retryAfterSeconds };
  const overall = auth.overall.attempt('*');
  if (!overall.allowed) return { kind: 'rate-limited', retryAfterSeconds: overall.retryAfterSeconds };
  if (!passwordMatches(auth.password, password)) return { kind: 'wrong-password' };
  auth.perClient.reset(client);
  return { kind: 'signed-in', token: issueSessionToken(auth.key, nowMs) };
}
