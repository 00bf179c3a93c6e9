import { describe, expect, it } from 'vitest';
import type { ReplicationDeps } from './deps';
import { planFromRequestBody } from './plan-request';

// Bad bodies are refused before any client is used: a deps object that throws on use proves it.
const untouchable = new Proxy({} as ReplicationDeps, {
  get() {
    throw new Error('no AWS call may happen for a bad body');
  },
});

describe('planFromRequestBody', () => {
  it('refuses a body that is not JSON', async () => {
    await expect(planFromRequestBody(untouchable, '{')).resolves.toMatchObject({ ok: false, refusal: { code: 'InvalidInput' } });
  });

  it('refuses invalid input with messages per field', async () => {
    const result = await planFromRequestBody(untouchable, JSON.stringify({ sourceBucket: 'jtpbucket', priority: 'high' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.refusal.fieldErrors)).toEqual(expect.arrayContaining(['priority', 'ruleName', 'destination']));
  });
});
