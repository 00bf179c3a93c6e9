import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { runComparison } from '@/lib/compare/s3/run';
import { resolveCompare } from '@/lib/compare/s3/resolve';
import { makeTempDir, spawnTracked } from '../processes';
import { benchS3Client } from '../s3-client';
import { REPO_ROOT, startOurEndpoint, type ServerUnderTest } from '../servers';
import { median } from '../stats';

export interface ToolTiming {
  tool: string;
  /** Median of the rounds. */
  seconds?: number;
  /** Every round's time, in the order run. */
  rounds?: number[];
  /** Shown for information; not a peer the engine's speed-up is computed against. */
  informational?: boolean;
  /** Why there is no time (tool missing, failed). */
  skipped?: string;
  /** What the tool reported, briefly (differences found). */
  found?: string;
}

export interface CompareRun {
  keys: number;
  /** Rounds per tool (interleaved: engine, aws, rclone, engine, …) after one untimed warm-up listing. */
  rounds: number;
  /** How the engine command was started (prebuilt bundle, or tsx compiling TypeScript at start). */
  engineCommand: string;
  /** Output of the compare engine's own benchmark (bench/compare.ts), when that script exists. */
  engineBenchmark?: string;
  /** Keys missing from the destination and keys whose content differs. */
  missing: number;
  differing: number;
  timings: ToolTiming[];
}

const SOURCE = 'bench-compare-a';
const DESTINATION = 'bench-compare-b';
const POPULATE_CONCURRENCY = 64;
const ROUNDS = 3;
const ENGINE_TOOL = 'compare engine (node process)';

async function populate(server: ServerUnderTest, keys: number): Promise<{ missing: number; differing: number }> {
  const client = benchS3Client(server, POPULATE_CONCURRENCY * 2);
  const body = Buffer.alloc(256, 0x62);
  const other = Buffer.alloc(256, 0x63);
  let missing = 0;
  let differing = 0;
  try {
    for (const bucket of [SOURCE, DESTINATION]) await client.send(new CreateBucketCommand({ Bucket: bucket }));
    let next = 0;
    await Promise.all(
      Array.from({ length: POPULATE_CONCURRENCY }, async () => {
        while (next < keys) {
          const i = next++;
          const key = `data/${String(i).padStart(7, '0')}`;
          await client.send(new PutObjectCommand({ Bucket: SOURCE, Key: key, Body: body }));
          // 1 % missing at the destination, 1 % with other bytes (same size: only the ETag tells).
          if (i % 100 === 7) missing += 1;
          else {
            const differs = i % 100 === 42;
            if (differs) differing += 1;
            await client.send(new PutObjectCommand({ Bucket: DESTINATION, Key: key, Body: differs ? other : body }));
          }
        }
      }),
    );
  } finally {
    client.destroy();
  }
  return { missing, differing };
}

/** The engine inside this (warm) process, as it runs inside the console's server: no process start. */
async function timeEngineInProcess(server: ServerUnderTest): Promise<ToolTiming> {
  const client = benchS3Client(server, 64);
  try {
    const started = performance.now();
    const s3 = () => client;
    const resolved = await resolveCompare(s3, { source: SOURCE, destination: DESTINATION, mode: 'current' });
    const comparison = runComparison({ s3 }, resolved);
    for await (const row of comparison.rows) void row;
    const seconds = (performance.now() - started) / 1000;
    return { tool: 'compare engine (in the console process, warm)', seconds, found: describeCounts(comparison.summary.counts, comparison.summary.lookups), informational: true };
  } finally {
    client.destroy();
  }
}

function describeCounts(counts: Record<string, number>, lookups: number): string {
  const classes = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return `${classes}; ${lookups} lookups`;
}

/** Lists both buckets once, untimed, so no tool pays for the endpoint's first (cold) listing of them. */
async function warmUp(server: ServerUnderTest): Promise<void> {
  const client = benchS3Client(server, 8);
  const listAll = async (s3: S3Client, bucket: string) => {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  };
  try {
    await Promise.all([listAll(client, SOURCE), listAll(client, DESTINATION)]);
  } finally {
    client.destroy();
  }
}

async function timeCommand(tool: string, command: string, args: string[], env: NodeJS.ProcessEnv, okCodes: number[]): Promise<ToolTiming> {
  const started = performance.now();
  const child = spawnTracked(command, args, { env });
  const code = await new Promise<number | null>((resolve) => {
    child.process.once('exit', (exitCode) => resolve(exitCode));
    child.process.once('error', () => resolve(-1));
  });
  const seconds = (performance.now() - started) / 1000;
  const output = child.output();
  if (code === null || !okCodes.includes(code)) {
    return { tool, skipped: `exit ${code}: ${output.trim().split('\n').slice(-2).join(' ').slice(0, 160)}` };
  }
  return { tool, seconds, found: summarizeOutput(tool, output) };
}

function summarizeOutput(tool: string, output: string): string {
  if (tool === ENGINE_TOOL) {
    const line = output.split('\n').find((candidate) => candidate.startsWith('{"rows"'));
    if (!line) return '';
    const summary = JSON.parse(line) as { counts: Record<string, number>; lookups: number };
    return describeCounts(summary.counts, summary.lookups);
  }
  if (tool.startsWith('aws')) return `${output.split('\n').filter((line) => line.includes('(dryrun)')).length} copies planned`;
  const differences = output.match(/(\d+) differences found/);
  const missing = output.match(/(\d+) files missing/);
  return [differences && `${differences[1]} differences`, missing && `${missing[1]} missing`].filter(Boolean).join(', ');
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, binary)));
}

const ENGINE_BENCHMARK = path.join(REPO_ROOT, 'bench', 'compare.ts');

/**
 * The engine as a command (`bench/compare.ts --against …`), prebuilt like its peers (the AWS CLI runs from Python
 * byte code, rclone is a binary; the console runs compiled JavaScript): bundled once, untimed, with the esbuild that
 * tsx brings. Without it, tsx compiles the TypeScript at every start, which the timing then includes.
 */
function engineCommand(): { args: string[]; description: string } {
  const esbuild = path.join(REPO_ROOT, 'node_modules', '.bin', 'esbuild');
  if (existsSync(esbuild)) {
    const outfile = path.join(makeTempDir('compare-engine'), 'compare.cjs');
    try {
      execFileSync(esbuild, [ENGINE_BENCHMARK, '--bundle', '--platform=node', '--format=cjs', '--target=node20', '--log-level=error', `--outfile=${outfile}`], {
        cwd: REPO_ROOT,
        stdio: 'pipe',
      });
      return { args: [outfile], description: 'node running bench/compare.ts --against, prebuilt with esbuild' };
    } catch {
      // fall through to tsx
    }
  }
  return { args: ['--import', 'tsx', ENGINE_BENCHMARK], description: 'node --import tsx bench/compare.ts --against (compiled at start)' };
}

/** Runs every tool ROUNDS times, interleaved; each tool's median, its rounds, and what its last round found. */
async function timeRounds(tools: { tool: string; run: () => Promise<ToolTiming> }[]): Promise<ToolTiming[]> {
  const results = tools.map(({ tool }): ToolTiming & { rounds: number[] } => ({ tool, rounds: [] }));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, { run }] of tools.entries()) {
      const result = results[index];
      if (result.skipped) continue;
      const timing = await run();
      if (timing.seconds === undefined) {
        result.skipped = timing.skipped ?? 'no time';
        continue;
      }
      result.rounds.push(timing.seconds);
      result.found = timing.found;
      result.informational = timing.informational;
    }
  }
  return results.map((result) => (result.skipped ? { tool: result.tool, skipped: result.skipped } : { ...result, seconds: median(result.rounds) }));
}
const ENGINE_BENCHMARK_TIMEOUT_MS = 900_000;

/** Runs the compare engine's own benchmark (list vs classify time, peak heap) for `keys` keys; its stdout. */
async function runEngineBenchmark(keys: number): Promise<string | undefined> {
  if (!existsSync(ENGINE_BENCHMARK)) return undefined;
  const child = spawnTracked(process.execPath, ['--import', 'tsx', ENGINE_BENCHMARK, String(keys)], { cwd: REPO_ROOT });
  const timer = setTimeout(() => void child.stop(), ENGINE_BENCHMARK_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
  clearTimeout(timer);
  const lines = child.output().split('\n').filter((line) => line.trim() !== '' && !/NodeVersionSupportWarning|node >=22|a\.co\/|trace-warnings|upgrade to node|versions published|security updates/.test(line));
  return `${lines.join('\n')}${code === 0 ? '' : `\n(exit ${code})`}`;
}

export async function runCompareWorkload(keyCounts: number[]): Promise<CompareRun[]> {
  const runs: CompareRun[] = [];
  for (const keys of keyCounts) {
    const server = await startOurEndpoint();
    try {
      process.stderr.write(`compare: writing ${keys} keys into two buckets\n`);
      const { missing, differing } = await populate(server, keys);
      const credentialsEnv = {
        ...process.env,
        AWS_ACCESS_KEY_ID: server.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
      };
      const awsEnv = {
        ...credentialsEnv,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_CONFIG_FILE: '/dev/null',
      };
      const rcloneEnv: NodeJS.ProcessEnv = {
        ...process.env,
        RCLONE_CONFIG_BENCH_TYPE: 's3',
        RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
        RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: server.credentials.accessKeyId,
        RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
        RCLONE_CONFIG_BENCH_ENDPOINT: server.url,
        RCLONE_CONFIG_BENCH_REGION: 'us-east-1',
        RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
      };
      delete rcloneEnv.AWS_CA_BUNDLE;
      const engine = engineCommand();
      const tools: { tool: string; run: () => Promise<ToolTiming> }[] = [
        {
          tool: ENGINE_TOOL,
          run: () =>
            timeCommand(ENGINE_TOOL, process.execPath, [...engine.args, '--against', server.url, '--source', SOURCE, '--destination', DESTINATION], credentialsEnv, [0]),
        },
        {
          tool: 'aws s3 sync --dryrun',
          run: async () =>
            onPath('aws')
              ? timeCommand('aws s3 sync --dryrun', 'aws', ['s3', 'sync', '--dryrun', '--endpoint-url', server.url, `s3://${SOURCE}`, `s3://${DESTINATION}`], awsEnv, [0])
              : { tool: 'aws s3 sync --dryrun', skipped: 'aws not on PATH' },
        },
        {
          tool: 'rclone check',
          // rclone check exits 1 when it finds differences, which it must here.
          run: async () =>
            onPath('rclone')
              ? timeCommand('rclone check', 'rclone', ['check', `bench:${SOURCE}`, `bench:${DESTINATION}`], rcloneEnv, [0, 1])
              : { tool: 'rclone check', skipped: 'rclone not on PATH (apt-get install -y rclone)' },
        },
        { tool: 'compare engine (in the console process, warm)', run: () => timeEngineInProcess(server) },
      ];
      process.stderr.write(`compare: warm-up listing, then ${ROUNDS} interleaved rounds of ${tools.map((t) => t.tool).join(', ')}\n`);
      await warmUp(server);
      const timings = await timeRounds(tools);
      process.stderr.write('compare: bench/compare.ts (the engine\'s own benchmark)\n');
      const engineBenchmark = await runEngineBenchmark(keys);
      runs.push({ keys, rounds: ROUNDS, engineCommand: engine.description, missing, differing, timings, engineBenchmark });
    } finally {
      await server.stop();
    }
  }
  return runs;
}
