'use client';

import { useQuery } from '@tanstack/react-query';
import { formatSize } from '@/components/objects/format-size';
import type { RuleMetricsView } from '@/lib/compare/metrics';
import { replicationMetricsQuery } from '@/lib/queries/compare';

const WIDTH = 320;
const HEIGHT = 64;

function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Operations pending over the last minutes as a line, failures as red ticks; no chart library. */
function Sparkline({ rule }: { rule: RuleMetricsView }) {
  const points = rule.series;
  const maxPending = Math.max(1, ...points.map((p) => p.operationsPending));
  const step = points.length > 1 ? WIDTH / (points.length - 1) : WIDTH;
  const y = (value: number) => HEIGHT - 4 - (value / maxPending) * (HEIGHT - 8);
  const line = points.map((p, i) => `${(i * step).toFixed(1)},${y(p.operationsPending).toFixed(1)}`).join(' ');
  const minutes = Math.round(((points.at(-1)?.at ?? 0) - (points[0]?.at ?? 0)) / 60_000);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-16 w-full max-w-xs" role="img" aria-label={`Operations pending over the last ${minutes} minutes, at most ${maxPending}`}>
      <line x1="0" y1={HEIGHT - 4} x2={WIDTH} y2={HEIGHT - 4} className="stroke-gray-300" strokeWidth="1" />
      {points.map((p, i) =>
        p.operationsFailed > 0 ? <line key={p.at} x1={i * step} x2={i * step} y1={HEIGHT - 4} y2={4} className="stroke-red-600" strokeWidth="2" /> : null,
      )}
      <polyline points={line} fill="none" className="stroke-sky-600" strokeWidth="2" />
    </svg>
  );
}

/** The embedded endpoint's replication metrics of the rules shown (CloudWatch's replication metrics, locally). */
export function ReplicationMetrics({ bucket, ruleId, destination }: { bucket: string; ruleId?: string; destination: string }) {
  const { data, error } = useQuery(replicationMetricsQuery(bucket));
  if (error || !data?.available) return null;
  const rules = data.rules.filter((rule) => (ruleId ? rule.ruleId === ruleId : rule.destinationBucket === destination));
  if (rules.length === 0) return null;
  return (
    <section aria-labelledby="metrics-heading" className="space-y-2 rounded-xl border border-line bg-white p-4">
      <h2 id="metrics-heading" className="font-bold">
        Replication metrics
      </h2>
      {rules.map((rule) => (
        <div key={`${rule.ruleId}-${rule.destinationBucket}`} className="flex flex-wrap items-center gap-6" data-testid="rule-metrics">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
            <div>
              <dt className="text-xs text-gray-600">Rule</dt>
              <dd className="font-bold">{rule.ruleId ?? '(no ID)'}</dd>
            </div>
            <div>
              <dt className="text-xs text-gray-600">Operations pending</dt>
              <dd className="font-bold tabular-nums">{rule.operationsPending}</dd>
            </div>
            <div>
              <dt className="text-xs text-gray-600">Bytes pending</dt>
              <dd className="font-bold tabular-nums">{formatSize(rule.bytesPending)}</dd>
            </div>
            <div>
              <dt className="text-xs text-gray-600">Failed (10 min)</dt>
              <dd className="font-bold tabular-nums">{rule.operationsFailed}</dd>
            </div>
            <div>
              <dt className="text-xs text-gray-600">Latency p50 / p99</dt>
              <dd className="font-bold tabular-nums">
                {formatMs(rule.latency.p50Ms)} / {formatMs(rule.latency.p99Ms)}
              </dd>
            </div>
          </dl>
          <Sparkline rule={rule} />
        </div>
      ))}
    </section>
  );
}
