import { describe, expect, it } from 'vitest';
import { claimNextTask, enqueueTask, finishTask, nextQueuedTime, requeueRunningTasks, retryTaskLater } from '../store/replication-tasks';
import { storeForEachTest } from '../testing/store.testkit';

const NOW = 1_800_000_000_000;

describe('the durable task queue', () => {
  const fixture = storeForEachTest((store) => store.buckets.create('src', 'us-east-1', 'owner'));
  const db = () => fixture.store.db;
  const enqueue = (key: string, seq: number, destination = 'dst', notBefore = NOW) =>
    enqueueTask(db(), {
      sourceBucketId: fixture.store.buckets.require('src').id,
      key,
      versionId: `v${seq}`,
      sourceSeq: seq,
      isDeleteMarker: false,
      size: 1,
      destinationBucket: destination,
      ruleId: 'r',
      notBefore,
      enqueuedAt: NOW,
      fromBatch: false,
    });
  const claim = (at = NOW) => claimNextTask(db(), at);

  it('runs one task per key and destination at a time, oldest version first; other keys and destinations in parallel', () => {
    enqueue('a', 1);
    enqueue('a', 2);
    enqueue('a', 3, 'other');
    enqueue('b', 4);
    const first = [claim(), claim(), claim(), claim()].map((t) => t?.versionId);
    expect(first).toEqual(['v1', 'v3', 'v4', undefined]);
    finishTask(db(), 1, { state: 'COMPLETED' }, NOW);
    expect(claim()?.versionId).toBe('v2');
  });

  it('does not let a newer version overtake an older one that is backing off', () => {
    enqueue('a', 1);
    enqueue('a', 2);
    const running = claim();
    retryTaskLater(db(), running?.id as number, NOW + 5000, 'EIO');
    expect(claim()).toBeUndefined();
    expect(nextQueuedTime(db(), NOW)).toBe(NOW + 5000);
    expect(claim(NOW + 5000)?.versionId).toBe('v1');
  });

  it('puts an older version queued later (Batch Replication) ahead of newer queued ones', () => {
    enqueue('a', 5);
    enqueue('a', 2);
    expect(claim()?.versionId).toBe('v2');
  });

  it('waits for the simulated delay', () => {
    enqueue('a', 1, 'dst', NOW + 400);
    expect(claim()).toBeUndefined();
    expect(nextQueuedTime(db(), NOW)).toBe(NOW + 400);
    expect(claim(NOW + 400)?.versionId).toBe('v1');
  });

  it('re-queues RUNNING tasks at start-up and keeps the order', () => {
    enqueue('a', 1);
    enqueue('a', 2);
    expect(claim()?.versionId).toBe('v1');
    expect(requeueRunningTasks(db())).toBe(1);
    expect(claim()?.versionId).toBe('v1');
  });

  it('re-queues a finished task when asked again, but leaves an open one alone', () => {
    enqueue('a', 1);
    const task = claim();
    finishTask(db(), task?.id as number, { state: 'FAILED', reason: 'DstBucketNotFound', detail: null }, NOW);
    enqueue('a', 1);
    const again = claim();
    expect([again?.id, again?.attempts, again?.failureReason]).toEqual([task?.id, 1, null]);
    enqueue('a', 1);
    expect(claim()).toBeUndefined();
  });
});
