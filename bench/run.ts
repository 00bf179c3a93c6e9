import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, USAGE, type BenchOptions } from './options';
import { stopAllChildren } from './processes';
import { REPO_ROOT } from './servers';
import { formatTable, num, times } from './table';
import { endpointTargets, type TargetResult } from './targets';
import { renderEndpointRuns } from './workloads/endpoint-report';
import { OURS, runEndpointSuite, type EndpointSuiteResult } from './workloads/endpoint-suite';
import { runReplicationWorkload, type ReplicationResult } from './workloads/replication';
import { renderReplication, replicationTargets } from './workloads/replication-report';
import { renderCompare } from './workloads/compare-report';
import { runCompareWorkload, type CompareRun } from './workloads/compare-tools';
import { runConsoleWorkload, type ConsoleResult } from './workloads/console';
import { consoleTargets, renderConsole } from './workloads/console-report';
import { measureDiskCeiling, type DiskCeiling } from './disk-ceiling';

interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  options: BenchOptions;
  endpoint?: EndpointSuiteResult;
  diskCeiling?: DiskCeiling;
  replication?: ReplicationResult;
  compare?: CompareRun[];
  console?: ConsoleResult;
  targets: TargetResult[];
  notes: string[];
}

function section(title: string, body: string): void {
  console.log(`\n=== ${title} ===\n${body}`);
}

function renderTargets(targets: TargetResult[]): string {
  return formatTable(
    ['target', 'measured', 'bound', 'met'],
    targets.map((t) => [
      t.target,
      t.unit === 'ratio' ? times(t.measured) : num(t.measured),
      `${t.direction === 'at-least' ? '≥' : '≤'} ${t.bound}`,
      t.met === undefined ? 'n/a' : t.met ? 'yes' : 'NO',
    ]),
  );
}

async function main(): Promise<void> {
  // The SDK's notice about Node 22 would interleave with the tables (pitfalls.md).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const cpus = os.cpus();
  const results: BenchResults = {
    startedAt: started.toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    options,
    targets: [],
    notes: [],
  };
  console.log(`bench ${results.startedAt} — ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}`);

  if (options.workloads.includes('endpoint')) {
    const endpoint = await runEndpointSuite(options, resultsDir, stamp);
    results.endpoint = endpoint;
    results.notes.push(...endpoint.notes);
    results.targets.push(...endpointTargets(endpoint.runs, OURS));
    section(
      `Endpoint: ${options.endpoint.objects} × ${options.endpoint.objectSize} B at concurrency ${options.endpoint.concurrency}; ${options.endpoint.largeObjects} × ${options.endpoint.largeSize / 2 ** 20} MiB at ${options.endpoint.largeConcurrency}; client in ${options.endpoint.clientThreads} threads`,
      renderEndpointRuns(endpoint.runs, OURS),
    );
    if (endpoint.profileDir) results.notes.push(`CPU profile of the endpoint: ${endpoint.profileDir}`);
    if (options.endpoint.largeObjects > 0) {
      const e = options.endpoint;
      const disk = await measureDiskCeiling(e.largeObjects, e.largeSize, e.largeConcurrency);
      results.diskCeiling = disk;
      const ours = endpoint.runs.find((run) => run.server === OURS)?.phases.find((phase) => phase.phase === 'put-large');
      const share = ours?.megabytesPerSecond === undefined ? '' : `; embedded put-large = ${Math.round((100 * ours.megabytesPerSecond) / disk.megabytesPerSecond)} % of it`;
      console.log(
        `\ndisk ceiling (same file system, write + fdatasync of ${disk.files} × ${disk.fileBytes / 2 ** 20} MiB at ${disk.concurrency}): ${disk.megabytesPerSecond.toFixed(0)} MB/s${share}`,
      );
    }
  }

  if (options.workloads.includes('replication')) {
    try {
      const drainProfileDir = options.profile ? path.join(resultsDir, 'profiles', stamp, 'replication-drain') : undefined;
      const replication = await runReplicationWorkload(options.replication, drainProfileDir);
      if (drainProfileDir) results.notes.push(`CPU profile of the endpoint draining the replication backlog: ${drainProfileDir}`);
      results.replication = replication;
      results.targets.push(...replicationTargets(replication));
      section('Replication (embedded endpoint, EMULATOR_REPLICATION_DELAY_MS=0)', renderReplication(replication));
    } catch (error) {
      results.notes.push(`replication workload failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  if (options.workloads.includes('compare')) {
    try {
      results.compare = await runCompareWorkload(options.compareKeys);
      section(
        'Compare: two buckets on the embedded endpoint, same data for every tool',
        `${renderCompare(results.compare)}\n\n(larger: npm run bench -- --only compare --compare-keys 10000,100000)`,
      );
    } catch (error) {
      results.notes.push(`compare workload failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  if (options.workloads.includes('console')) {
    try {
      results.console = await runConsoleWorkload({ skipBuild: options.skipBuild || options.quick });
      results.targets.push(...consoleTargets(results.console));
      section('Console: first-load JavaScript per route (production build) and wizard Save', renderConsole(results.console));
    } catch (error) {
      results.notes.push(`console workload failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  section('Targets (same run)', renderTargets(results.targets));
  if (results.notes.length > 0) section('Notes', results.notes.map((note) => `- ${note}`).join('\n'));
  const file = path.join(resultsDir, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  await stopAllChildren();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  await stopAllChildren();
  process.exit(1);
});
