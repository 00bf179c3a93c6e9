import type { AdminJson } from './s3/admin-api';

/** The embedded endpoint's per-rule metrics (emulator/replication/metrics.ts), as the compare page charts them. */
export interface RuleMetricsPoint {
  at: number;
  operationsPending: number;
  bytesPending: number;
  operationsFailed: number;
  maxLatencyMs: number | null;
}

export interface RuleMetricsView {
  ruleId: string | null;
  destinationBucket: string;
  operationsPending: number;
  bytesPending: number;
  operationsFailed: number;
  latency: { samples: number; p50Ms: number | null; p99Ms: number | null; maxMs: number | null };
  series: RuleMetricsPoint[];
}

export type ReplicationMetricsView = { available: false; rules: [] } | { available: true; generatedAt: number; rules: RuleMetricsView[] };

export async function replicationMetricsView(admin: AdminJson, bucket: string): Promise<ReplicationMetricsView> {
  const answer = (await admin(`/_emulator/replication/metrics?${new URLSearchParams({ bucket })}`)) as {
    generatedAt?: number;
    rules?: RuleMetricsView[];
  };
  return { available: true, generatedAt: answer.generatedAt ?? Date.now(), rules: Array.isArray(answer.rules) ? answer.rules : [] };
}
