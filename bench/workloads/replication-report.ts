import { checkTarget, type TargetResult } from '../targets';
import { formatTable, num } from '../table';
import type { ReplicationResult } from './replication';

/** Lag p99 bounds per sustained rate (PUT/s → ms) and the drain bound (versions/s). */
const LAG_P99_BOUNDS_MS: Record<number, number> = { 100: 50, 500: 200 };
const DRAIN_BOUND = 1000;
/** Achieved / target PUT rate below which the rate counts as not sustained. */
const SUSTAINED_SHARE = 0.9;

export function replicationTargets(result: ReplicationResult): TargetResult[] {
  const targets = result.lag
    .filter((lag) => LAG_P99_BOUNDS_MS[lag.targetRate] !== undefined)
    .map((lag) => {
      const checked = checkTarget(
        `replication lag p99 ms at ${lag.targetRate} PUT/s`,
        lag.notCompleted > 0 ? undefined : lag.lag.p99Ms,
        'at-most',
        LAG_P99_BOUNDS_MS[lag.targetRate],
        'ms',
      );
      // A lag measured on the PUTs that got through is no pass when the endpoint did not take the rate.
      const sustained = lag.putErrors === 0 && lag.achievedRate >= SUSTAINED_SHARE * lag.targetRate;
      return sustained ? checked : { ...checked, target: `${checked.target} (rate not sustained)`, met: false };
    });
  if (result.drain) targets.push(checkTarget('replication drain versions/s', result.drain.versionsPerSecond, 'at-least', DRAIN_BOUND, 'per-second'));
  return targets;
}

export function renderReplication(result: ReplicationResult): string {
  const lagTable = formatTable(
    ['target PUT/s', 'achieved PUT/s', 'PUTs', 'errors', 'lag p50 ms', 'lag p99 ms', 'lag max ms', 'queue→done p99 ms', 'not completed'],
    result.lag.map((lag) => [
      String(lag.targetRate),
      num(lag.achievedRate),
      String(lag.puts),
      String(lag.putErrors),
      num(lag.lag.p50Ms),
      num(lag.lag.p99Ms),
      num(lag.lag.maxMs),
      num(lag.queueToCompleted.p99Ms),
      String(lag.notCompleted),
    ]),
  );
  const lines = ['Lag: PUT acknowledged → source ReplicationStatus COMPLETED (open-loop pacing)', lagTable];
  for (const lag of result.lag) {
    if (lag.firstPutError) lines.push(`PUT errors at ${lag.targetRate} PUT/s, first: ${lag.firstPutError.slice(0, 160)}`);
  }
  lines.push('(lag 0 = COMPLETED before the PUT response reached the client; queue→done = version commit → COMPLETED on the endpoint)');
  if (result.drain) {
    const d = result.drain;
    lines.push(
      '',
      `Drain: ${d.versions} queued versions → ${num(d.versionsPerSecond)} versions/s; restart → last COMPLETED ${num(d.restartToLastSeconds)} s; not completed ${d.notCompleted}`,
      `(${d.method})`,
    );
  }
  return lines.join('\n');
}
