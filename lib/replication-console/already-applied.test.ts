import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { buildRule } from './build-rule';
import { isAlreadyApplied } from './already-applied';
import { wizardInput } from './wizard-input.testkit';

const role = 'arn:aws:iam::123456789012:role/service-role/s3crr_role_for_jtpbucket_to_jtp1bucket';
const saved: ReplicationConfiguration = { Role: role, Rules: [buildRule(wizardInput)] };

describe('isAlreadyApplied', () => {
  it('recognises the rule it would write, with the role it would create', () => {
    expect(isAlreadyApplied(saved, wizardInput)).toBe(true);
  });

  it('does not when the rule differs, is missing, or the role is another one', () => {
    expect(isAlreadyApplied(saved, { ...wizardInput, priority: 1 })).toBe(false);
    expect(isAlreadyApplied(saved, { ...wizardInput, ruleName: 'other' })).toBe(false);
    expect(isAlreadyApplied({ ...saved, Role: 'arn:aws:iam::123456789012:role/someone-else' }, wizardInput)).toBe(false);
    expect(isAlreadyApplied(saved, { ...wizardInput, role: { kind: 'existing', arn: role, addMissingPermissions: false } })).toBe(true);
  });
});

describe('isAlreadyApplied with a backend that spells the whole-bucket filter differently', () => {
  it('treats <Filter><Prefix/></Filter> as <Filter/>', () => {
    const spelled: ReplicationConfiguration = { Role: role, Rules: [{ ...buildRule(wizardInput), Filter: { Prefix: '' } }] };
    expect(isAlreadyApplied(spelled, wizardInput)).toBe(true);
  });
});
