import { checkTarget, type TargetResult } from '../targets';
import { formatTable, num } from '../table';
import { FIRST_LOAD_BUDGET_BYTES, type ConsoleResult } from './console';

export function consoleTargets(result: ConsoleResult): TargetResult[] {
  return result.routes.map((route) =>
    checkTarget(`first-load JS kB ${route.route}`, route.status < 400 ? route.gzipBytes / 1000 : undefined, 'at-most', FIRST_LOAD_BUDGET_BYTES / 1000, 'kB'),
  );
}

export function renderConsole(result: ConsoleResult): string {
  const build = result.buildReused ? 'existing .next build reused (--skip-build)' : `next build ${num(result.buildSeconds)} s`;
  const table = formatTable(
    ['route', 'HTTP', 'scripts', 'first-load JS kB (gzip)', `within ${FIRST_LOAD_BUDGET_BYTES / 1000} kB`],
    result.routes.map((route) => [
      route.route,
      String(route.status),
      String(route.scripts),
      num(route.gzipBytes / 1000, 1),
      route.gzipBytes <= FIRST_LOAD_BUDGET_BYTES ? 'yes' : 'NO',
    ]),
  );
  const save =
    'skipped' in result.save
      ? `Wizard Save: ${result.save.skipped}`
      : `Wizard Save (saveReplicationRule from lib/replication-console, new role, against the embedded endpoint): p50 ${num(result.save.latency.p50Ms)} ms, max ${num(result.save.latency.maxMs)} ms over ${result.save.runs} runs (${result.save.phases})`;
  return `${build}\n${table}\n\n${save}`;
}
