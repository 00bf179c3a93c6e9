import { describe, expect, it } from 'vitest';
import { ruleInputSchema, type RuleInput } from './rule-input';
import { wizardInput } from './wizard-input.testkit';

function fieldErrors(input: unknown): Record<string, string[]> {
  const parsed = ruleInputSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

describe('ruleInputSchema', () => {
  it('accepts the tutorial rule', () => {
    expect(fieldErrors(wizardInput)).toEqual({});
  });

  it.each<[string, Partial<RuleInput>, string, string]>([
    ['same bucket', { destination: { account: 'this', bucket: 'jtpbucket' } }, 'destination.bucket', 'cannot be the same'],
    ['bad bucket name', { destination: { account: 'this', bucket: 'A' } }, 'destination.bucket', 'between 3 and 63'],
    ['missing account id', { destination: { account: 'other', bucket: 'theirs' } }, 'destination.accountId', '12-digit'],
    ['owner override in this account', { ownerOverride: true }, 'ownerOverride', 'another account'],
    ['empty filter', { scope: { kind: 'filter', prefix: '', tags: [] } }, 'scope.prefix', 'Enter a prefix'],
    [
      'duplicate tag keys',
      { scope: { kind: 'filter', prefix: '', tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] } },
      'scope.tags.1.key',
      'Duplicate',
    ],
    [
      'delete markers with tags',
      { deleteMarkerReplication: true, scope: { kind: 'filter', prefix: '', tags: [{ key: 'a', value: '1' }] } },
      'deleteMarkerReplication',
      'Tag filter',
    ],
    ['KMS without a key', { replicateKmsObjects: true }, 'replicaKmsKeyId', 'KMS key ARN'],
    ['RTC without metrics', { replicationTimeControl: true }, 'replicationMetrics', 'metrics'],
    ['empty rule name', { ruleName: '' }, 'ruleName', 'Enter a rule name'],
    ['long rule name', { ruleName: 'r'.repeat(256) }, 'ruleName', '255'],
    ['fractional priority', { priority: 1.5 }, 'priority', 'whole number'],
    ['tag key with aws: prefix', { scope: { kind: 'filter', prefix: '', tags: [{ key: 'aws:x', value: '1' }] } }, 'scope.tags.0.key', 'aws:'],
  ])('refuses %s on its field', (_label, overrides, field, text) => {
    const errors = fieldErrors({ ...wizardInput, ...overrides });
    expect(errors[field]?.join(' ')).toContain(text);
  });

  it('reports every problem at once', () => {
    const errors = fieldErrors({ ...wizardInput, ruleName: '', priority: -1, destination: { account: 'this', bucket: 'x' } });
    expect(Object.keys(errors).sort()).toEqual(['destination.bucket', 'priority', 'ruleName']);
  });
});
