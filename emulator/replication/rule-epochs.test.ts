import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteReplicationConfiguration, ruleEffectiveTimes, saveReplicationConfiguration } from '../store/replication-config';
import { Store } from '../store/store';
import { ruleContentFingerprint } from './stored-configuration';

describe('when rules come into force', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rule-epochs-'));
    store = Store.open(dir);
    store.buckets.create('src', 'us-east-1', 'owner');
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const save = (rules: [string, string][], at: number) =>
    saveReplicationConfiguration(store.db, store.buckets.require('src'), '<xml/>', rules.map(([ruleId, content]) => ({ ruleId, content })), at);
  const epochs = () => Object.fromEntries(ruleEffectiveTimes(store.db, store.buckets.require('src').id));

  it('keeps the start of an unchanged rule, restarts a changed one, starts new ones now and forgets removed ones', () => {
    save([['a', 'A1'], ['b', 'B1'], ['c', 'C1']], 1000);
    save([['a', 'A1'], ['b', 'B2'], ['d', 'D1']], 2000);
    expect(epochs()).toEqual({ a: 1000, b: 2000, d: 2000 });
    expect(store.buckets.require('src').replicationConfig).toBe('<xml/>');
  });

  it('forgets everything when the configuration is deleted', () => {
    save([['a', 'A1']], 1000);
    deleteReplicationConfiguration(store.db, store.buckets.require('src'));
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
