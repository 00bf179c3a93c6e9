import { CreateBucketCommand, GetBucketReplicationCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedBackend, type TestBackend } from '@/lib/replication-console/backends.testkit';
import { applyRuleChange } from '@/lib/replication-console/rule-changes';
import { saveReplicationRule } from '@/lib/replication-console/save-rule';
import { ruleInputFor } from '@/lib/replication-console/wizard-input.testkit';
import { configurationFingerprint } from '@/lib/replication/merge';
import type { ReplicationConfiguration } from '@/lib/replication/schema';

vi.mock('server-only', () => ({}));


describe('two people save the same bucket\'s replication configuration at once (wizard save orchestration)', () => {
  let backend: TestBackend;
  let round = 0;
  beforeAll(async () => {
    backend = await startEmbeddedBackend();
  });
  afterAll(() => backend.stop());

  const rulesOf = async (bucket: string) =>
    ((await backend.deps.s3().send(new GetBucketReplicationCommand({ Bucket: bucket }))).ReplicationConfiguration?.Rules ?? []).map((r) => r.ID);

  async function buckets(): Promise<{ source: string; a: string; b: string }> {
    round += 1;
    const names = { source: `race-src-${round}`, a: `race-dst-a-${round}`, b: `race-dst-b-${round}` };
    for (const bucket of Object.values(names)) {
      await backend.deps.s3().send(new CreateBucketCommand({ Bucket: bucket }));
      await backend.deps.s3().send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    }
    return names;
  }

  it.each([
    ['the bucket has no configuration yet', false],
    ['both edit an existing configuration', true],
  ])('%s: one wins, the other gets a conflict, no rule is lost', async (_name, withExisting) => {
    const { source, a, b } = await buckets();
    let expected: string | null = null;
    const kept: string[] = [];
    if (withExisting) {
      const first = await saveReplicationRule(backend.deps, ruleInputFor(source, a, { ruleName: 'existing', priority: 9 }));
      expect(first.ok).toBe(true);
      const current = (await backend.deps.s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration;
      expected = configurationFingerprint(current as ReplicationConfiguration);
      kept.push('existing');
    }
    // Both wizards read the same configuration (same fingerprint) and press Save together.
    const [left, right] = await Promise.all([
      saveReplicationRule(backend.deps, ruleInputFor(source, a, { ruleName: 'from-alice', priority: 1, expectedFingerprint: expected })),
      saveReplicationRule(backend.deps, ruleInputFor(source, b, { ruleName: 'from-bob', priority: 2, expectedFingerprint: expected })),
    ]);
    const outcomes = [left, right];
    const winners = outcomes.filter((o) => o.ok);
    const losers = outcomes.filter((o) => !o.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ ok: false, refusal: { code: 'ConfigurationChanged' } });
    const winner = left.ok ? 'from-alice' : 'from-bob';
    expect((await rulesOf(source)).sort()).toEqual([...kept, winner].sort());
  });

  it('a Save racing a rule change (disable) on the same configuration: one wins, the other gets a conflict', async () => {
    const { source, a, b } = await buckets();
    expect((await saveReplicationRule(backend.deps, ruleInputFor(source, a, { ruleName: 'existing', priority: 9 }))).ok).toBe(true);
    const current = (await backend.deps.s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration;
    const fingerprint = configurationFingerprint(current as ReplicationConfiguration);
    const [saved, changed] = await Promise.all([
      saveReplicationRule(backend.deps, ruleInputFor(source, b, { ruleName: 'added', priority: 1, expectedFingerprint: fingerprint })),
      applyRuleChange(backend.deps, { kind: 'status', bucket: source, ruleId: 'existing', status: 'Disabled', expectedFingerprint: fingerprint }),
    ]);
    expect([saved.ok, changed.ok].filter(Boolean)).toHaveLength(1);
    const loser = saved.ok ? changed : saved;
    expect(loser).toMatchObject({ ok: false, refusal: { code: 'ConfigurationChanged' } });
    const stored = (await backend.deps.s3().send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules ?? [];
    if (saved.ok) expect(stored.map((r) => [r.ID, r.Status]).sort()).toEqual([['added', 'Enabled'], ['existing', 'Enabled']]);
    else expect(stored.map((r) => [r.ID, r.Status])).toEqual([['existing', 'Disabled']]);
  });
});
