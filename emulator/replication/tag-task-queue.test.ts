import { describe, expect, it } from 'vitest';
import {
  aggregateVersionStatus,
  claimNextTask,
  enqueueTagsTask,
  enqueueTask,
  finishTask,
  selectTasks,
} from '../store/replication-tasks';
import { storeForEachTest } from '../testing/store.testkit';

const NOW = 1_800_000_000_000;

describe('TAGS tasks in the durable queue', () => {
  const fixture = storeForEachTest((store) => store.buckets.create('src', 'us-east-1', 'owner'));
  const db = () => fixture.store.db;
  const bucketId = () => fixture.store.buckets.require('src').id;
  const base = () => ({
    sourceBucketId: bucketId(),
    key: 'k',
    versionId: 'v1',
    sourceSeq: 1,
    destinationBucket: 'dst',
    ruleId: 'r',
    notBefore: NOW,
    enqueuedAt: NOW,
  });
  const enqueueObject = () => enqueueTask(db(), { ...base(), isDeleteMarker: false, size: 10, fromBatch: false });
  const enqueueTags = (fromReplica = false) => enqueueTagsTask(db(), { ...base(), fromReplica });
  const tasks = () => selectTasks(db(), '1 = 1 ORDER BY t.id', []).map((t) => [t.kind, t.state, t.size]);
  const status = () => aggregateVersionStatus(db(), bucketId(), 'k', 'v1');

  it('runs after the version\'s own copy, and a waiting TAGS task absorbs later changes', () => {
    enqueueObject();
    enqueueTags();
    enqueueTags();
    expect(tasks()).toEqual([
      ['OBJECT', 'QUEUED', 10],
      ['TAGS', 'QUEUED', 0],
    ]);
    const object = claimNextTask(db(), NOW);
    expect(object?.kind).toBe('OBJECT');
    expect(claimNextTask(db(), NOW)).toBeUndefined();
    finishTask(db(), object?.id as number, { state: 'COMPLETED' }, NOW);
    expect(claimNextTask(db(), NOW)?.kind).toBe('TAGS');
  });

  it('a change while a TAGS task runs queues another behind it, so the newer tags are copied too', () => {
    enqueueTags();
    const running = claimNextTask(db(), NOW);
    enqueueTags();
    expect(tasks()).toEqual([
      ['TAGS', 'RUNNING', 0],
      ['TAGS', 'QUEUED', 0],
    ]);
    expect(claimNextTask(db(), NOW)).toBeUndefined();
    finishTask(db(), running?.id as number, { state: 'COMPLETED' }, NOW);
    expect(claimNextTask(db(), NOW)?.kind).toBe('TAGS');
  });

  it('the version status counts the OBJECT task and the latest TAGS task per destination', () => {
    enqueueObject();
    finishTask(db(), (claimNextTask(db(), NOW)?.id) as number, { state: 'COMPLETED' }, NOW);
    enqueueTags();
    expect(status()?.status).toBe('PENDING');
    finishTask(db(), (claimNextTask(db(), NOW)?.id) as number, { state: 'FAILED', reason: 'DstPutTaggingNotPermitted', detail: null }, NOW);
    expect(status()).toMatchObject({ status: 'FAILED', reason: 'DstPutTaggingNotPermitted' });
    enqueueTags();
    finishTask(db(), (claimNextTask(db(), NOW)?.id) as number, { state: 'COMPLETED' }, NOW);
    // The later successful tag copy supersedes the failed one.
    expect(status()).toMatchObject({ status: 'COMPLETED', reason: null });
  });

  it('a replica\'s synced change ends as REPLICA again', () => {
    enqueueTags(true);
    expect(status()).toMatchObject({ status: 'PENDING', fromReplica: true });
    finishTask(db(), (claimNextTask(db(), NOW)?.id) as number, { state: 'COMPLETED' }, NOW);
    expect(status()).toMatchObject({ status: 'REPLICA', fromReplica: true });
  });
});
