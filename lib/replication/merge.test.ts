import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  configurationFingerprint,
  nextFreePriority,
  removeRule,
  reorderPriorities,
  ReplicationMergeError,
  setRuleStatus,
  upsertRule,
} from '@/lib/replication/merge';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';

const rule = (ID: string, Priority: number, over: Partial<ReplicationRule> = {}): ReplicationRule => ({
  ID,
  Priority,
  Filter: {},
  Status: 'Enabled',
  Destination: { Bucket: `arn:aws:s3:::${ID}-dst` },
  DeleteMarkerReplication: { Status: 'Disabled' },
  ...over,
});
const ROLE = 'arn:aws:iam::1:role/r';
const base: ReplicationConfiguration = { Role: ROLE, Rules: [rule('a', 1), rule('b', 2)] };

describe('upsertRule', () => {
  const cases: { name: string; config: ReplicationConfiguration | undefined; rule: ReplicationRule; replacesId?: string; ids: string[]; role?: string }[] = [
    { name: 'first rule creates the configuration', config: undefined, rule: rule('a', 0), ids: ['a'] },
    { name: 'new ID is appended', config: base, rule: rule('c', 3), ids: ['a', 'b', 'c'] },
    { name: 'same ID is replaced in place', config: base, rule: rule('a', 9), ids: ['a', 'b'] },
    { name: 'rename replaces the old rule', config: base, rule: rule('renamed', 1), replacesId: 'a', ids: ['renamed', 'b'] },
    { name: 'the role is configuration-wide', config: base, rule: rule('c', 3), ids: ['a', 'b', 'c'], role: 'arn:aws:iam::1:role/new' },
  ];
  it.each(cases)('$name', ({ config, rule: r, replacesId, ids, role }) => {
    const result = upsertRule(config, r, { role: role ?? ROLE, replacesId });
    expect(result.Rules.map((x) => x.ID)).toEqual(ids);
    expect(result.Role).toBe(role ?? ROLE);
    expect(result.Rules).toContainEqual(r);
  });
  it('does not mutate its input', () => {
    const copy = structuredClone(base);
    upsertRule(base, rule('a', 7), { role: ROLE });
    expect(base).toEqual(copy);
  });
});

describe('removeRule / setRuleStatus', () => {
  it('removes one rule; removing the last leaves no rules (the caller then deletes the configuration)', () => {
    expect(removeRule(base, 'a').Rules.map((r) => r.ID)).toEqual(['b']);
    expect(removeRule({ Role: ROLE, Rules: [rule('a', 1)] }, 'a')).toEqual({ Role: ROLE, Rules: [] });
  });
  it('sets the status of one rule', () => {
    expect(setRuleStatus(base, 'b', 'Disabled').Rules.map((r) => r.Status)).toEqual(['Enabled', 'Disabled']);
  });
  it('unknown rule IDs are a typed error', () => {
    expect(() => removeRule(base, 'zz')).toThrow(ReplicationMergeError);
    expect(() => setRuleStatus(base, 'zz', 'Enabled')).toThrow(/No replication rule with ID "zz"/);
  });
});

describe('reorderPriorities / nextFreePriority', () => {
  it('first ID gets the highest priority, list order is kept', () => {
    const result = reorderPriorities({ Role: ROLE, Rules: [rule('a', 5), rule('b', 5), rule('c', 0)] }, ['c', 'a', 'b']);
    expect(result.Rules.map((r) => [r.ID, r.Priority])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 2],
    ]);
  });
  it.each([[['a']], [['a', 'a']], [['a', 'x']]])('rejects an incomplete order %j', (order) => {
    expect(() => reorderPriorities(base, order)).toThrow(ReplicationMergeError);
  });
  it.each([
    [undefined, 0],
    [base, 3],
    [{ Role: ROLE, Rules: [{ Status: 'Enabled' as const, Destination: { Bucket: 'arn:aws:s3:::d' } }] }, 0],
  ])('nextFreePriority %# → %i', (config, expected) => {
    expect(nextFreePriority(config)).toBe(expected);
  });
});

describe('configurationFingerprint', () => {
  it('ignores key order and undefined members, changes with content', () => {
    const reordered: ReplicationConfiguration = {
      Rules: base.Rules.map((r) => ({ DeleteMarkerReplication: r.DeleteMarkerReplication, Destination: r.Destination, Status: r.Status, Filter: r.Filter, Priority: r.Priority, ID: r.ID, Prefix: undefined })),
      Role: ROLE,
    };
    expect(configurationFingerprint(reordered)).toBe(configurationFingerprint(base));
    expect(configurationFingerprint(setRuleStatus(base, 'a', 'Disabled'))).not.toBe(configurationFingerprint(base));
    expect(configurationFingerprint(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(configurationFingerprint(undefined)).toBe('none');
  });
  it('canonicalJson sorts keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: undefined }] })).toBe('{"a":[{"d":"x"}],"b":1}');
  });
});
