import { describe, expect, it } from 'vitest';
import { withRefusalAsFailure } from './refusal-result';

describe('withRefusalAsFailure', () => {
  it('keeps the data of a success without its ok flag', () => {
    expect(withRefusalAsFailure({ ok: true, data: { ok: true, fingerprint: 'f' } })).toEqual({ ok: true, data: { fingerprint: 'f' } });
  });

  it('turns a refusal into a failure with its field errors', () => {
    const refusal = { code: 'ConfigurationChanged', message: 'changed', fieldErrors: { ruleName: ['taken'] } };
    expect(withRefusalAsFailure({ ok: true, data: { ok: false, refusal } })).toEqual({ ok: false, error: refusal });
  });

  it('passes a failure of the wrapper through', () => {
    const failure = { ok: false as const, error: { code: 'InvalidInput', message: 'bad', fieldErrors: { priority: ['x'] } } };
    expect(withRefusalAsFailure(failure)).toBe(failure);
  });
});
