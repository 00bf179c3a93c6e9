import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleAuth, SESSION_COOKIE } from '@/lib/auth/console-auth';
import { verifySessionToken } from '@/lib/auth/session-token';
import { POST as logout } from '../logout/route';
import { POST } from './route';

let address = 0;
function loginRequest(password: string, options: { next?: string; https?: boolean; from?: string } = {}) {
  const form = new URLSearchParams({ password, ...(options.next ? { next: options.next } : {}) });
  return new NextRequest(`${options.https ? 'https' : 'http'}://console.example/login/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': options.from ?? '192.0.2.1' },
    body: form.toString(),
  });
}

describe('POST /login/submit', () => {
  beforeEach(() => {
    vi.stubEnv('CONSOLE_PASSWORD', `pw-${(address += 1)}`);
  });
  afterEach(() => vi.unstubAllEnvs());
  const password = () => process.env.CONSOLE_PASSWORD as string;

  it('signs in: a signed, HttpOnly, SameSite=Strict session cookie and a redirect to where the user was going', async () => {
    const response = await POST(loginRequest(password(), { next: '/iam/users?x=1' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/iam/users?x=1');
    const cookie = response.headers.get('set-cookie') as string;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i);
    const token = /^[^=]+=([^;]+)/.exec(cookie)?.[1];
    expect(verifySessionToken(consoleAuth()?.key as Buffer, token, Date.now())).toBeDefined();
  });

  it('marks the cookie Secure over https (directly or behind a TLS proxy)', async () => {
    expect((await POST(loginRequest(password(), { https: true }))).headers.get('set-cookie')).toMatch(/; Secure/i);
    const proxied = loginRequest(password(), { from: '192.0.2.50' });
    proxied.headers.set('x-forwarded-proto', 'https');
    expect((await POST(proxied)).headers.get('set-cookie')).toMatch(/; Secure/i);
  });

  it('sends a wrong password back to the form with a message, and sets no cookie', async () => {
    const response = await POST(loginRequest('nope', { next: '/buckets' }));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string, 'http://console.example');
    expect([location.pathname, location.searchParams.get('error'), location.searchParams.get('next')]).toEqual(['/login', 'invalid', '/buckets']);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('never redirects off-site after login', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await POST(loginRequest(password(), { next, from: `198.51.100.${next.length}` }));
      expect(new URL(response.headers.get('location') as string, 'http://console.example').origin, next).toBe('http://console.example');
    }
  });

  it('answers 429 with a message after 5 attempts a minute from one address, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1) expect((await POST(loginRequest('wrong', { from: '203.0.113.9' }))).status).toBe(303);
    const limited = await POST(loginRequest(password(), { from: '203.0.113.9' }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toMatch(/Too many sign-in attempts\. Try again in \d+ seconds\./);
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect((await POST(loginRequest(password(), { from: '203.0.113.10' }))).status).toBe(303);
  });

  it('logout replaces the cookie with an expired one', async () => {
    const response = await logout(new NextRequest('http://console.example/login/logout', { method: 'POST' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`, 'i'));
  });
});
