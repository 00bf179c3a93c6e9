import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { ruleDestinationBucketName } from '@/lib/replication/rule-shape';
import type { ReplicationTask } from '../store/replication-tasks';

/**
 * Per-rule replication metrics in the spirit of S3's CloudWatch replication metrics (OperationsPendingReplication,
 * BytesPendingReplication, OperationsFailedReplication, ReplicationLatency), computed from the task table.
 */

export const METRICS_WINDOW_MS = 10 * 60 * 1000;
export const METRICS_INTERVAL_MS = 10 * 1000;

export interface LatencySummary {
  samples: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export interface MetricsPoint {
  /** Epoch ms at the end of the interval. */
  at: number;
  operationsPending: number;
  bytesPending: number;
  /** Failures recorded during the interval. */
  operationsFailed: number;
  /** Slowest replication finished during the interval. */
  maxLatencyMs: number | null;
}

export interface RuleMetrics {
  ruleId: string | null;
  destinationBucket: string;
  /** False for rules that no longer exist in the configuration but still have recent tasks. */
  inConfiguration: boolean;
  operationsPending: number;
  bytesPending: number;
  /** Failures within the window. */
  operationsFailed: number;
  latency: LatencySummary;
  series: MetricsPoint[];
}

const isOpen = (task: ReplicationTask) => task.state === 'QUEUED' || task.state === 'RUNNING';
const openAt = (task: ReplicationTask, at: number) => task.enqueuedAt <= at && (task.finishedAt === null || task.finishedAt > at);

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function latencySummary(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length === 0 ? null : sorted[sorted.length - 1],
  };
}

function seriesOf(tasks: ReplicationTask[], now: number): MetricsPoint[] {
  const points: MetricsPoint[] = [];
  const intervals = METRICS_WINDOW_MS / METRICS_INTERVAL_MS;
  for (let i = intervals - 1; i >= 0; i -= 1) {
    const end = now - i * METRICS_INTERVAL_MS;
    const start = end - METRICS_INTERVAL_MS;
    const pending = tasks.filter((task) => openAt(task, end));
    const finishedInInterval = tasks.filter((task) => task.finishedAt !== null && task.finishedAt > start && task.finishedAt <= end);
    const latencies = finishedInInterval.filter((task) => task.state === 'COMPLETED').map((task) => (task.finishedAt as number) - task.enqueuedAt);
    points.push({
      at: end,
      operationsPending: pending.length,
      bytesPending: pending.reduce((sum, task) => sum + task.size, 0),
      operationsFailed: finishedInInterval.filter((task) => task.state === 'FAILED').length,
      maxLatencyMs: latencies.length === 0 ? null : Math.max(...latencies),
    });
  }
  return points;
}

function metricsOfRule(
  ruleId: string | null,
  destinationBucket: string,
  inConfiguration: boolean,
  tasks: ReplicationTask[],
  now: number,
): RuleMetrics {
  const since = now - METRICS_WINDOW_MS;
  const open = tasks.filter(isOpen);
  const finished = tasks.filter((task) => task.finishedAt !== null && task.finishedAt >= since);
  return {
    ruleId,
    destinationBucket,
    inConfiguration,
    operationsPending: open.length,
    bytesPending: open.reduce((sum, task) => sum + task.size, 0),
    operationsFailed: finished.filter((task) => task.state === 'FAILED').length,
    latency: latencySummary(
      finished.filter((task) => task.state === 'COMPLETED').map((task) => (task.finishedAt as number) - task.enqueuedAt),
    ),
    series: seriesOf(tasks, now),
  };
}

/** One entry per rule of the configuration (and per rule that disappeared but has recent tasks). */
export function replicationMetrics(
  config: ReplicationConfiguration | undefined,
  tasks: ReplicationTask[],
  now: number,
): RuleMetrics[] {
  const groupKey = (ruleId: string | null, destination: string) => JSON.stringify([ruleId, destination]);
  const byRule = new Map<string, ReplicationTask[]>();
  for (const task of tasks) {
    const key = groupKey(task.ruleId, task.destinationBucket);
    byRule.set(key, [...(byRule.get(key) ?? []), task]);
  }
  const result: RuleMetrics[] = [];
  for (const rule of config?.Rules ?? []) {
    const destination = ruleDestinationBucketName(rule);
    const key = groupKey(rule.ID ?? null, destination);
    result.push(metricsOfRule(rule.ID ?? null, destination, true, byRule.get(key) ?? [], now));
    byRule.delete(key);
  }
  for (const ruleTasks of byRule.values()) {
    result.push(metricsOfRule(ruleTasks[0].ruleId, ruleTasks[0].destinationBucket, false, ruleTasks, now));
  }
  return result;
}
