import type { PhaseResult } from '../load';
import { ratio } from '../stats';
import { formatTable, num, percent, times } from '../table';
import { phaseRate } from '../targets';
import type { EndpointRun } from './endpoint';

const PHASE_TITLES: Record<string, string> = {
  'put-small': 'PutObject, small objects',
  'get-small': 'GetObject, small objects',
  'head-small': 'HeadObject, small objects',
  'list-v2': 'ListObjectsV2, full pagination (one op = one whole listing)',
  'list-versions': 'ListObjectVersions, full pagination (one op = one whole listing)',
  'overwrite-10pct': 'PutObject over 10 % of the keys',
  'delete-10pct': 'DeleteObject of 10 % of the keys',
  'copy-10pct': 'CopyObject of 10 % of the keys',
  'put-large': 'PutObject, large objects',
  'get-large': 'GetObject, large objects',
};

const usesMegabytes = (phase: string) => phase.endsWith('-large');

function row(server: string, p: PhaseResult): string[] {
  return [
    server,
    num(p.opsPerSecond),
    p.keysPerSecond !== undefined ? num(p.keysPerSecond) : num(p.megabytesPerSecond),
    num(p.latency.p50Ms),
    num(p.latency.p99Ms),
    percent(p.clientCpu),
    percent(p.serverCpu),
    p.serverCpu ? num(p.opsPerSecond / p.serverCpu) : '—',
    p.errors > 0 ? `${p.errors} (${(p.firstError ?? '').slice(0, 60)})` : '0',
  ];
}

/**
 * One table per phase (servers as rows) followed by ours / peer ratios. ops/server-CPU-s (operations per second of
 * server CPU) does not depend on how much of the machine the server got, so it stays comparable on a busy machine.
 */
export function renderEndpointRuns(runs: EndpointRun[], ours: string): string {
  const phaseNames = [...new Set(runs.flatMap((run) => run.phases.map((p) => p.phase)))];
  const blocks: string[] = [];
  for (const name of phaseNames) {
    const rows: string[][] = [];
    for (const run of runs) {
      const p = run.phases.find((candidate) => candidate.phase === name);
      if (p) rows.push(row(run.server, p));
    }
    const secondColumn = name.startsWith('list-') ? 'keys/s' : 'MB/s';
    const table = formatTable(['server', 'ops/s', secondColumn, 'p50 ms', 'p99 ms', 'client CPU', 'server CPU', 'ops/server-CPU-s', 'errors'], rows);
    const unit = usesMegabytes(name) ? 'mb' : 'ops';
    const mine = phaseRate(runs.find((run) => run.server === ours)?.phases.find((p) => p.phase === name), unit);
    const ratios = runs
      .filter((run) => run.server !== ours && run.phases.some((p) => p.phase === name))
      .map((run) => `${ours}/${run.server} ${times(ratio(mine, phaseRate(run.phases.find((p) => p.phase === name), unit)))}`);
    blocks.push(`${name} — ${PHASE_TITLES[name] ?? name}\n${table}${ratios.length > 0 ? `\nratios (${unit === 'mb' ? 'MB/s' : 'ops/s'}): ${ratios.join(', ')}` : ''}`);
  }
  return blocks.join('\n\n');
}
