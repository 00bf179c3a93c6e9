import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ReplicaVersionInput } from '../store/objects';
import { Store } from '../store/store';
import { emptyAttributes } from '../store/types';

export interface StoreFixture {
  readonly store: Store;
  readonly dataDir: string;
}

/**
 * A fresh store in a new temporary directory for each test of the enclosing file or `describe`, prepared by
 * `prepare` (buckets, versioning), closed and removed after the test. Read the members inside tests.
 */
export function storeForEachTest(prepare: (store: Store) => void = () => undefined): StoreFixture {
  let current: StoreFixture | undefined;
  beforeEach(() => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'store-test-'));
    const store = Store.open(dataDir);
    current = { store, dataDir };
    prepare(store);
  });
  afterEach(() => {
    current?.store.close();
    if (current) rmSync(current.dataDir, { recursive: true, force: true });
    current = undefined;
  });
  const started = (): StoreFixture => {
    if (!current) throw new Error('storeForEachTest(): the store opens in beforeEach; use it in tests');
    return current;
  };
  return {
    get store() {
      return started().store;
    },
    get dataDir() {
      return started().dataDir;
    },
  };
}

/** A delete marker as the replication engine writes it into a destination: given version id and last-modified. */
export function replicaDeleteMarker(key: string, versionId: string, lastModified: number): ReplicaVersionInput {
  return {
    key,
    versionId,
    lastModified,
    isDeleteMarker: true,
    attributes: emptyAttributes(),
    etag: null,
    checksum: null,
    partsCount: null,
    ownerId: 'owner',
    replicationStatus: 'REPLICA',
  };
}
