import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { S3Error } from '../s3/errors';
import { deleteReplicationConfiguration, saveReplicationConfiguration } from './replication-config';
import { Store } from './store';

let dataDir: string;
let store: Store;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'buckets-test-'));
  store = Store.open(dataDir);
  store.buckets.create('b', 'eu-west-1', 'owner');
});
afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('BucketStore (rows kept in memory between reads)', () => {
  it('answers every read after a change with the changed row', () => {
    expect(store.buckets.require('b').versioning).toBeNull();
    store.buckets.setVersioning('b', 'Enabled');
    expect(store.buckets.require('b').versioning).toBe('Enabled');
    store.buckets.setTags('b', [{ Key: 'team', Value: 'storage' }]);
    expect(store.buckets.require('b').tags).toEqual([{ Key: 'team', Value: 'storage' }]);
    saveReplicationConfiguration(store.db, store.buckets, store.buckets.require('b'), '<ReplicationConfiguration/>', [], Date.now());
    expect(store.buckets.require('b').replicationConfig).toBe('<ReplicationConfiguration/>');
    deleteReplicationConfiguration(store.db, store.buckets, store.buckets.require('b'));
    expect(store.buckets.require('b').replicationConfig).toBeNull();
    store.buckets.delete('b');
    expect(store.buckets.find('b')).toBeUndefined();
  });

  it('keeps the committed row when a change is refused and rolled back', () => {
    store.buckets.require('b');
    store.buckets.onVersioningChange(() => {
      throw new S3Error('InvalidBucketState');
    });
    expect(() => store.buckets.setVersioning('b', 'Enabled')).toThrow(S3Error);
    expect(store.buckets.require('b').versioning).toBeNull();
  });

  it('does not keep a row read inside a transaction that then rolls back', () => {
    expect(() =>
      store.db.transaction(() => {
        store.buckets.setTags('b', [{ Key: 'k', Value: 'uncommitted' }]);
        expect(store.buckets.require('b').tags).toEqual([{ Key: 'k', Value: 'uncommitted' }]);
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(store.buckets.require('b').tags).toBeNull();
  });

  it('hands out rows that cannot be changed by the caller', () => {
    store.buckets.setTags('b', [{ Key: 'k', Value: 'v' }]);
    const bucket = store.buckets.require('b');
    expect(Object.isFrozen(bucket)).toBe(true);
    expect(Object.isFrozen(bucket.tags)).toBe(true);
  });

  it('sees a bucket created after a miss', () => {
    expect(store.buckets.find('later')).toBeUndefined();
    store.buckets.create('later', 'us-east-1', 'owner');
    expect(store.buckets.require('later').region).toBe('us-east-1');
  });
});
