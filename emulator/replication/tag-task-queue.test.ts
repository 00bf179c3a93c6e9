import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aggregateVersionStatus,
  claimNextTask,
  enqueueTagsTask,
  enqueueTask,
  finishTask,
  selectTasks,
} from '../store/replication-tasks';
import { Store } from '../store/store';

const NOW = 1_800_000_000_000;

describe('TAGS tasks in the durable queue', () => {
  let dir: string;
  let store: Store;
  let bucketId: number;
  const base = () => ({
    sourceBucketId: bucketId,
    key: 'k',
    versionId: 'v1',
    sourceSeq: 1,
    destinationBucket: 'dst',
    ruleId: 'r',
    notBefore: NOW,
    enqueuedAt: NOW,
  });
  const enqueueObject = () => enqueueTask(store.db, { ...base(), isDeleteMarker: false, size: 10, fromBatch: false });
  const enqueueTags = (fromReplica = false) => enqueueTagsTask(store.db, { ...base(), fromReplica });
  const tasks = () => selectTasks(store.db, '1 = 1 ORDER BY t.id', []).map((t) => [t.kind, t.state, t.size]);
  const status = () => aggregateVersionStatus(store.db, bucketId, 'k', 'v1');

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tag-task-queue-'));
    store = Store.open(dir);
    store.buckets.create('src', 'us-east-1', 'owner');
    bucketId = store.buckets.require('src').id;
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs after the version\'s own copy, and a waiting TAGS task absorbs later changes', () => {
    enqueueObject();
    enqueueTags();
    enqueueTags();
    expect(tasks()).toEqual([
      ['OBJECT', 'QUEUED', 10],
      ['TAGS', 'QUEUED', 0],
    ]);
    const object = claimNextTask(store.db, NOW);
    expect(object?.kind).toBe('OBJECT');
    expect(claimNextTask(store.db, NOW)).toBeUndefined();
    finishTask(store.db, object?.id as number, { state: 'COMPLETED' }, NOW);
    expect(claimNextTask(store.db, NOW)?.kind).toBe('TAGS');
  });

  it('a change while a TAGS task runs queues another behind it, so the newer tags are copied too', () => {
    enqueueTags();
    const running = claimNextTask(store.db, NOW);
    enqueueTags();
    expect(tasks()).toEqual([
      ['TAGS', 'RUNNING', 0],
      ['TAGS', 'QUEUED', 0],
    ]);
    expect(claimNextTask(store.db, NOW)).toBeUndefined();
    finishTask(store.db, running?.id as number, { state: 'COMPLETED' }, NOW);
    expect(claimNextTask(store.db, NOW)?.kind).toBe('TAGS');
  });

  it('the version status counts the OBJECT task and the latest TAGS task per destination', () => {
    enqueueObject();
    finishTask(store.db, (claimNextTask(store.db, NOW)?.id) as number, { state: 'COMPLETED' }, NOW);
    enqueueTags();
    expect(status()?.status).toBe('PENDING');
    finishTask(store.db, (claimNextTask(store.db, NOW)?.id) as number, { state: 'FAILED', reason: 'DstPutTaggingNotPermitted', detail: null }, NOW);
    expect(status()).toMatchObject({ status: 'FAILED', reason: 'DstPutTaggingNotPermitted' });
    enqueueTags();
    finishTask(store.db, (claimNextTask(store.db, NOW)?.id) as number, { state: 'COMPLETED' }, NOW);
    // The later successful tag copy supersedes the failed one.
    expect(status()).toMatchObject({ status: 'COMPLETED', reason: null });
  });

  it('a replica\'s synced change ends as REPLICA again', () => {
    enqueueTags(true);
    expect(status()).toMatchObject({ status: 'PENDING', fromReplica: true });
    finishTask(store.db, (claimNextTask(store.db, NOW)?.id) as number, { state: 'COMPLETED' }, NOW);
    expect(status()).toMatchObject({ status: 'REPLICA', fromReplica: true });
  });
});
