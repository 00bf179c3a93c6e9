import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy, config } from '@/proxy';
import { consoleAuth, SESSION_COOKIE } from './console-auth';
import { guardRequest } from './guard-request';
import { issueSessionToken } from './session-token';

const PROTECTED = { CONSOLE_PASSWORD: 'open sesame' };
const request = (path: string, init: { method?: string; headers?: Record<string, string>; cookie?: string } = {}) =>
  new NextRequest(`http://console.example:3000${path}`, {
    method: init.method ?? 'GET',
    headers: { ...init.headers, ...(init.cookie ? { cookie: `${SESSION_COOKIE}=${init.cookie}` } : {}) },
  });
const validToken = () => issueSessionToken(consoleAuth(PROTECTED)?.key as Buffer, Date.now());

function cspOf(response: Response): Record<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(header.split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe('console proxy without CONSOLE_PASSWORD (loopback only)', () => {
  it('lets every request through with a per-request nonce CSP, handed to Next in the request headers', () => {
    const first = guardRequest(request('/buckets'), {});
    const second = guardRequest(request('/buckets'), {});
    expect(first.status).toBe(200);
    expect(first.headers.get('x-middleware-next')).toBe('1');
    const csp = cspOf(first);
    expect(csp['default-src']).toBe("'self'");
    expect(csp['script-src']).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['object-src']).toBe("'none'");
    expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
    // Next reads the nonce from the request's CSP header (x-middleware-override-headers / x-middleware-request-*).
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(/'nonce-([^']+)'/.exec(csp['script-src'])?.[1]);
  });

  it('allows unsafe-eval only in development (React needs it there)', () => {
    expect(cspOf(guardRequest(request('/'), { NODE_ENV: 'development' }))['script-src']).toContain("'unsafe-eval'");
    expect(cspOf(guardRequest(request('/'), { NODE_ENV: 'production' }))['script-src']).not.toContain('unsafe-eval');
  });
});

describe('console proxy with CONSOLE_PASSWORD', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('redirects pages to /login (keeping where to return) without a session', () => {
    const response = guardRequest(request('/buckets/photos?tab=versions'), PROTECTED);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string, 'http://console.example:3000');
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe('/buckets/photos?tab=versions');
  });

  it('answers route handlers and server actions with 401 JSON without a session', async () => {
    for (const refused of [
      request('/api/buckets'),
      request('/api/replication/plan', { method: 'POST' }),
      request('/buckets', { method: 'POST', headers: { 'next-action': 'abc123' } }),
    ]) {
      const response = guardRequest(refused, PROTECTED);
      expect(response.status, refused.nextUrl.pathname).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'Unauthorized', message: 'Sign in to the console first.' } });
    }
  });

  it('refuses forged, expired and foreign cookies', () => {
    const key = consoleAuth(PROTECTED)?.key as Buffer;
    const expired = issueSessionToken(key, Date.now() - 13 * 3600 * 1000);
    const foreign = issueSessionToken(Buffer.alloc(32, 1), Date.now());
    for (const cookie of ['x', expired, foreign, `${validToken()}x`]) {
      expect(guardRequest(request('/api/buckets', { cookie }), PROTECTED).status).toBe(401);
    }
  });

  it('lets a valid session through to pages, route handlers and actions', () => {
    const cookie = validToken();
    expect(guardRequest(request('/buckets', { cookie }), PROTECTED).headers.get('x-middleware-next')).toBe('1');
    expect(guardRequest(request('/api/buckets', { cookie }), PROTECTED).headers.get('x-middleware-next')).toBe('1');
    expect(
      guardRequest(request('/buckets', { method: 'POST', cookie, headers: { 'next-action': 'abc' } }), PROTECTED).headers.get('x-middleware-next'),
    ).toBe('1');
  });

  it('keeps the login page, its form target, logout and the health check public', () => {
    for (const path of ['/login', '/login?next=/iam', '/login/submit', '/login/logout', '/api/health']) {
      const method = path.startsWith('/login/') ? 'POST' : 'GET';
      expect(guardRequest(request(path, { method }), PROTECTED).headers.get('x-middleware-next'), path).toBe('1');
    }
    expect(guardRequest(request('/login/other'), PROTECTED).status).toBe(303);
  });

  it('is what proxy.ts runs, on every path but static build output', () => {
    vi.stubEnv('CONSOLE_PASSWORD', PROTECTED.CONSOLE_PASSWORD);
    expect(proxy(request('/iam/users')).status).toBe(303);
    expect(proxy(request('/iam/users', { cookie: validToken() })).headers.get('x-middleware-next')).toBe('1');
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(matcher.test('/buckets')).toBe(true);
    expect(matcher.test('/api/buckets')).toBe(true);
    expect(matcher.test('/_next/static/chunks/app.js')).toBe(false);
  });
});
