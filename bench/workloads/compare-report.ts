import { formatTable, num, times } from '../table';
import type { CompareRun } from './compare-tools';

/** Per key count: each tool's time, keys/s, and how many times faster the compare engine is (peer time / ours). */
export function renderCompare(runs: CompareRun[]): string {
  return runs
    .map((run) => {
      const engine = run.timings[0]?.seconds;
      const table = formatTable(
        ['tool', 'seconds', 'keys/s', 'engine speed-up', 'found'],
        run.timings.map((t) => [
          t.tool,
          num(t.seconds),
          t.seconds ? num(run.keys / t.seconds) : '—',
          t === run.timings[0] || t.seconds === undefined || engine === undefined ? '—' : times(t.seconds / engine),
          t.skipped ?? t.found ?? '',
        ]),
      );
      const own = run.engineBenchmark ? `\n\nbench/compare.ts ${run.keys} (separate endpoint and data):\n${run.engineBenchmark}` : '';
      return `${run.keys} keys per bucket (${run.missing} missing at the destination, ${run.differing} with other bytes)\n${table}${own}`;
    })
    .join('\n\n')
    .concat(
      '\n(aws s3 sync compares size and time only, so it misses same-size content changes; rclone check and the engine compare ETags)',
    );
}
