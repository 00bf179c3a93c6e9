import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { ReplicationTask } from '../store/replication-tasks';
import { latencySummary, METRICS_INTERVAL_MS, replicationMetrics } from './metrics';

const NOW = 1_800_000_000_000;

function task(overrides: Partial<ReplicationTask>): ReplicationTask {
  return {
    id: 1,
    sourceBucketId: 1,
    sourceBucket: 'src',
    key: 'k',
    versionId: 'v',
    sourceSeq: 1,
    isDeleteMarker: false,
    size: 10,
    destinationBucket: 'dst',
    ruleId: 'r',
    state: 'QUEUED',
    attempts: 0,
    notBefore: NOW,
    enqueuedAt: NOW - 1000,
    finishedAt: null,
    failureReason: null,
    failureDetail: null,
    fromBatch: false,
    kind: 'OBJECT',
    fromReplica: false,
    ...overrides,
  };
}

const config: ReplicationConfiguration = {
  Role: 'arn:aws:iam::000000000000:role/r',
  Rules: [{ ID: 'r', Priority: 1, Filter: {}, Status: 'Enabled', DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: 'arn:aws:s3:::dst' } }],
};

describe('latencySummary', () => {
  it('is empty without samples', () => {
    expect(latencySummary([])).toEqual({ samples: 0, p50Ms: null, p99Ms: null, maxMs: null });
  });
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencySummary(values.reverse())).toEqual({ samples: 100, p50Ms: 50, p99Ms: 99, maxMs: 100 });
  });
});

describe('replicationMetrics', () => {
  it('counts open tasks as pending and finished ones as latency or failures', () => {
    const tasks = [
      task({ id: 1, size: 10 }),
      task({ id: 2, size: 5, state: 'RUNNING' }),
      task({ id: 3, state: 'COMPLETED', enqueuedAt: NOW - 5000, finishedAt: NOW - 3000 }),
      task({ id: 4, state: 'FAILED', enqueuedAt: NOW - 5000, finishedAt: NOW - 4000, failureReason: 'DstBucketNotFound' }),
    ];
    const [rule] = replicationMetrics(config, tasks, NOW);
    expect(rule).toMatchObject({
      ruleId: 'r',
      destinationBucket: 'dst',
      inConfiguration: true,
      operationsPending: 2,
      bytesPending: 15,
      operationsFailed: 1,
      latency: { samples: 1, p50Ms: 2000, p99Ms: 2000, maxMs: 2000 },
    });
    const last = rule.series[rule.series.length - 1];
    expect(last).toEqual({ at: NOW, operationsPending: 2, bytesPending: 15, operationsFailed: 1, maxLatencyMs: 2000 });
    expect(rule.series[rule.series.length - 2].at).toBe(NOW - METRICS_INTERVAL_MS);
  });

  it('reports the pending backlog as it was at each point of the series', () => {
    const tasks = [task({ enqueuedAt: NOW - 25_000, finishedAt: NOW - 15_000, state: 'COMPLETED' })];
    const series = replicationMetrics(config, tasks, NOW)[0].series.slice(-4).map((p) => p.operationsPending);
    expect(series).toEqual([0, 1, 0, 0]);
  });

  it('lists rules that left the configuration but still have recent tasks', () => {
    const metrics = replicationMetrics(config, [task({ ruleId: 'old', destinationBucket: 'elsewhere' })], NOW);
    expect(metrics.map((m) => [m.ruleId, m.destinationBucket, m.inConfiguration, m.operationsPending])).toEqual([
      ['r', 'dst', true, 0],
      ['old', 'elsewhere', false, 1],
    ]);
  });
});
