import { describe, expect, it } from 'vitest';
import { deleteReplicationConfiguration, ruleEffectiveTimes, saveReplicationConfiguration } from '../store/replication-config';
import { storeForEachTest } from '../testing/store.testkit';
import { ruleContentFingerprint } from './stored-configuration';

describe('when rules come into force', () => {
  const fixture = storeForEachTest((store) => store.buckets.create('src', 'us-east-1', 'owner'));

  const save = (rules: [string, string][], at: number) =>
    saveReplicationConfiguration(fixture.store.db, fixture.store.buckets, fixture.store.buckets.require('src'), '<xml/>', rules.map(([ruleId, content]) => ({ ruleId, content })), at);
  const epochs = () => Object.fromEntries(ruleEffectiveTimes(fixture.store.db, fixture.store.buckets.require('src').id));

  it('keeps the start of an unchanged rule, restarts a changed one, starts new ones now and forgets removed ones', () => {
    save([['a', 'A1'], ['b', 'B1'], ['c', 'C1']], 1000);
    save([['a', 'A1'], ['b', 'B2'], ['d', 'D1']], 2000);
    expect(epochs()).toEqual({ a: 1000, b: 2000, d: 2000 });
    expect(fixture.store.buckets.require('src').replicationConfig).toBe('<xml/>');
  });

  it('forgets everything when the configuration is deleted', () => {
    save([['a', 'A1']], 1000);
    deleteReplicationConfiguration(fixture.store.db, fixture.store.buckets, fixture.store.buckets.require('src'));
    save([['a', 'A1']], 3000);
    expect(epochs()).toEqual({ a: 3000 });
  });

  it('fingerprints a rule by its whole content, independent of member order', () => {
    const base = { ID: 'r', Status: 'Enabled' as const, Destination: { Bucket: 'arn:aws:s3:::d' } };
    expect(ruleContentFingerprint(base)).toBe(ruleContentFingerprint({ Destination: { Bucket: 'arn:aws:s3:::d' }, Status: 'Enabled', ID: 'r' }));
    expect(ruleContentFingerprint(base)).not.toBe(ruleContentFingerprint({ ...base, Status: 'Disabled' }));
    expect(ruleContentFingerprint(base)).not.toBe(ruleContentFingerprint({ ...base, Destination: { Bucket: 'arn:aws:s3:::e' } }));
  });
});
