import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSessionKey, issueSessionToken, passwordMatches, SESSION_TTL_SECONDS, verifySessionToken } from './session-token';

const salt = Buffer.alloc(32, 7);
const key = deriveSessionKey({ password: 'correct horse', salt });
const NOW = Date.UTC(2026, 10, 27, 12);

describe('session tokens', () => {
  it('verifies a token it issued, until it expires', () => {
    const token = issueSessionToken(key, NOW);
    expect(verifySessionToken(key, token, NOW)).toEqual({ iat: NOW / 1000, exp: NOW / 1000 + SESSION_TTL_SECONDS });
    expect(verifySessionToken(key, token, NOW + (SESSION_TTL_SECONDS - 1) * 1000)).toBeDefined();
    expect(verifySessionToken(key, token, NOW + SESSION_TTL_SECONDS * 1000)).toBeUndefined();
  });

  it('refuses a token signed with another key: another password, another start-up salt, another secret', () => {
    const token = issueSessionToken(key, NOW);
    expect(verifySessionToken(deriveSessionKey({ password: 'correct horse!', salt }), token, NOW)).toBeUndefined();
    expect(verifySessionToken(deriveSessionKey({ password: 'correct horse', salt: Buffer.alloc(32, 8) }), token, NOW)).toBeUndefined();
    const a = deriveSessionKey({ password: 'p', secret: 'one' });
    const b = deriveSessionKey({ password: 'p', secret: 'two' });
    expect(verifySessionToken(b, issueSessionToken(a, NOW), NOW)).toBeUndefined();
  });

  it('keeps sessions across restarts only with CONSOLE_SESSION_SECRET', () => {
    const first = deriveSessionKey({ password: 'p', secret: 's' });
    const second = deriveSessionKey({ password: 'p', secret: 's' });
    expect(verifySessionToken(second, issueSessionToken(first, NOW), NOW)).toBeDefined();
    expect(deriveSessionKey({ password: 'p' }).equals(deriveSessionKey({ password: 'p' }))).toBe(false);
  });

  it('refuses a tampered payload or signature', () => {
    const token = issueSessionToken(key, NOW);
    const [payload, signature] = token.split('.');
    const forever = Buffer.from(JSON.stringify({ iat: NOW / 1000, exp: NOW / 1000 + 10 ** 9 })).toString('base64url');
    expect(verifySessionToken(key, `${forever}.${signature}`, NOW)).toBeUndefined();
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    expect(verifySessionToken(key, `${payload}.${flipped}`, NOW)).toBeUndefined();
    expect(verifySessionToken(key, `${payload}.${signature.slice(0, 10)}`, NOW)).toBeUndefined();
    expect(verifySessionToken(key, `${payload}.${signature}.x`, NOW)).toBeUndefined();
    expect(verifySessionToken(key, payload, NOW)).toBeUndefined();
    expect(verifySessionToken(key, undefined, NOW)).toBeUndefined();
  });

  it('refuses a correctly signed payload of the wrong shape', () => {
    for (const body of ['[]', 'null', '{"iat":"1","exp":"2"}', 'not json']) {
      const encoded = Buffer.from(body).toString('base64url');
      const signature = createHmac('sha256', key).update(encoded).digest('base64url');
      expect(verifySessionToken(key, `${encoded}.${signature}`, NOW), body).toBeUndefined();
    }
  });

  it('never accepts or throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (token) => {
        expect(verifySessionToken(key, token, NOW)).toBeUndefined();
      }),
    );
  });

  it('compares passwords exactly', () => {
    expect(passwordMatches('s3cret', 's3cret')).toBe(true);
    expect(passwordMatches('s3cret', 's3cret ')).toBe(false);
    expect(passwordMatches('s3cret', '')).toBe(false);
    expect(passwordMatches('ü', 'u\u0308')).toBe(false);
  });
});
