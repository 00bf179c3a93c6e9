import { formatTable, num, times } from '../table';
import type { CompareRun, ToolTiming } from './compare-tools';

/** Issue 8's speed targets for the compare engine, checked within one run. */
const TARGETS = { awsSpeedUp: 5, rcloneSpeedUp: 2, compareOverList: 1.3 };

const speedUp = (peer: ToolTiming | undefined, engine: number | undefined) =>
  peer?.seconds !== undefined && engine !== undefined ? peer.seconds / engine : undefined;

const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : 'NOT met');

/** The target lines of one run: speed-ups over the peers, and (from bench/compare.ts) compare time over listing time. */
function targetLines(run: CompareRun): string[] {
  const engine = run.timings[0]?.seconds;
  const aws = speedUp(run.timings.find((t) => t.tool.startsWith('aws')), engine);
  const rclone = speedUp(run.timings.find((t) => t.tool.startsWith('rclone')), engine);
  const lines = [
    `engine vs aws s3 sync --dryrun: ${aws === undefined ? '—' : times(aws)} (target ≥ ${TARGETS.awsSpeedUp}×): ${verdict(aws === undefined ? undefined : aws >= TARGETS.awsSpeedUp)}`,
    `engine vs rclone check: ${rclone === undefined ? '—' : times(rclone)} (target ≥ ${TARGETS.rcloneSpeedUp}×): ${verdict(rclone === undefined ? undefined : rclone >= TARGETS.rcloneSpeedUp)}`,
  ];
  const ratio = run.engineBenchmark?.match(/compare \/ list \(SDK\) = ([\d.]+)/);
  if (ratio) {
    const value = Number(ratio[1]);
    lines.push(`compare / list with the SDK (bench/compare.ts): ${value.toFixed(2)} (target ≤ ${TARGETS.compareOverList}): ${verdict(value <= TARGETS.compareOverList)}`);
  }
  return lines;
}

/** Per key count: each tool's median time, keys/s, and how many times faster the compare engine is (peer time / ours). */
export function renderCompare(runs: CompareRun[]): string {
  return runs
    .map((run) => {
      const engine = run.timings[0]?.seconds;
      const table = formatTable(
        ['tool', 'seconds (median)', 'rounds', 'keys/s', 'engine speed-up', 'found'],
        run.timings.map((t) => [
          t.tool,
          num(t.seconds),
          t.rounds ? t.rounds.map((seconds) => seconds.toFixed(2)).join(' ') : '—',
          t.seconds ? num(run.keys / t.seconds) : '—',
          t === run.timings[0] || t.informational || t.seconds === undefined || engine === undefined ? '—' : times(t.seconds / engine),
          t.skipped ?? t.found ?? '',
        ]),
      );
      const own = run.engineBenchmark ? `\n\nbench/compare.ts ${run.keys} (separate endpoint and data):\n${run.engineBenchmark}` : '';
      return (
        `${run.keys} keys per bucket (${run.missing} missing at the destination, ${run.differing} with other bytes); ` +
        `${run.rounds} interleaved rounds after a warm-up listing, each command timed from process start to exit\n` +
        `engine command: ${run.engineCommand}\n${table}\n${targetLines(run).join('\n')}${own}`
      );
    })
    .join('\n\n')
    .concat(
      '\n(aws s3 sync compares size and time only, so it misses same-size content changes; rclone check and the engine compare ETags)',
    );
}
