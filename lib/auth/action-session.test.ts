import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('server-only', () => ({}));
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

const { action } = await import('@/lib/actions/action');
const { consoleAuth, SESSION_COOKIE } = await import('./console-auth');
const { issueSessionToken } = await import('./session-token');

describe('server actions behind CONSOLE_PASSWORD', () => {
  const fn = vi.fn(async (input: { name: string }) => `made ${input.name}`);
  const createThing = action(z.object({ name: z.string().min(3, 'Too short') }), fn);

  beforeEach(() => {
    jar.clear();
    fn.mockClear();
  });
  afterEach(() => vi.unstubAllEnvs());

  it('runs as before when no password is set', async () => {
    vi.stubEnv('CONSOLE_PASSWORD', '');
    expect(await createThing({ name: 'abc' })).toEqual({ ok: true, data: 'made abc' });
  });

  it('refuses without a session, before parsing or running anything', async () => {
    vi.stubEnv('CONSOLE_PASSWORD', 'pw');
    expect(await createThing({ name: 'abc' })).toEqual({
      ok: false,
      error: { code: 'Unauthorized', message: 'Your console session has ended. Sign in again.' },
    });
    jar.set(SESSION_COOKIE, 'forged.token');
    expect((await createThing({ name: 'x' })).ok).toBe(false);
    expect(fn).not.toHaveBeenCalled();
  });

  it('runs with a valid session cookie', async () => {
    vi.stubEnv('CONSOLE_PASSWORD', 'pw');
    jar.set(SESSION_COOKIE, issueSessionToken(consoleAuth()?.key as Buffer, Date.now()));
    expect(await createThing({ name: 'abc' })).toEqual({ ok: true, data: 'made abc' });
    expect(await createThing({ name: 'x' })).toMatchObject({ ok: false, error: { code: 'InvalidInput', fieldErrors: { name: ['Too short'] } } });
  });

  it('refuses a session issued under a previous password', async () => {
    vi.stubEnv('CONSOLE_PASSWORD', 'old');
    jar.set(SESSION_COOKIE, issueSessionToken(consoleAuth()?.key as Buffer, Date.now()));
    vi.stubEnv('CONSOLE_PASSWORD', 'new');
    expect((await createThing({ name: 'abc' })).ok).toBe(false);
  });
});
