import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { buildRule } from './build-rule';
import { isAlreadyApplied } from './already-applied';
import type { RuleInput } from './rule-input';

const input: RuleInput = {
  sourceBucket: 'jtpbucket',
  scope: { kind: 'bucket' },
  replicateKmsObjects: false,
  destination: { account: 'this', bucket: 'jtp1bucket' },
  storageClass: null,
  ownerOverride: false,
  deleteMarkerReplication: false,
  replicaModificationSync: false,
  replicationTimeControl: false,
  replicationMetrics: false,
  role: { kind: 'new' },
  ruleName: 'S3CRR',
  status: 'Enabled',
  priority: 0,
  expectedFingerprint: null,
};
const role = 'arn:aws:iam::123456789012:role/service-role/s3crr_role_for_jtpbucket_to_jtp1bucket';
const saved: ReplicationConfiguration = { Role: role, Rules: [buildRule(input)] };

describe('isAlreadyApplied', () => {
  it('recognises the rule it would write, with the role it would create', () => {
    expect(isAlreadyApplied(saved, input)).toBe(true);
  });

  it('does not when the rule differs, is missing, or the role is another one', () => {
    expect(isAlreadyApplied(saved, { ...input, priority: 1 })).toBe(false);
    expect(isAlreadyApplied(saved, { ...input, ruleName: 'other' })).toBe(false);
    expect(isAlreadyApplied({ ...saved, Role: 'arn:aws:iam::123456789012:role/someone-else' }, input)).toBe(false);
    expect(isAlreadyApplied(saved, { ...input, role: { kind: 'existing', arn: role, addMissingPermissions: false } })).toBe(true);
  });
});

describe('isAlreadyApplied with a backend that spells the whole-bucket filter differently', () => {
  it('treats <Filter><Prefix/></Filter> as <Filter/>', () => {
    const spelled: ReplicationConfiguration = { Role: role, Rules: [{ ...buildRule(input), Filter: { Prefix: '' } }] };
    expect(isAlreadyApplied(spelled, input)).toBe(true);
  });
});
