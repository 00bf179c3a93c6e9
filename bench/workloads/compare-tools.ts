import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { runComparison } from '@/lib/compare/s3/run';
import { resolveCompare } from '@/lib/compare/s3/resolve';
import { spawnTracked } from '../processes';
import { benchS3Client } from '../s3-client';
import { REPO_ROOT, startOurEndpoint, type ServerUnderTest } from '../servers';

export interface ToolTiming {
  tool: string;
  seconds?: number;
  /** Why there is no time (tool missing, failed). */
  skipped?: string;
  /** What the tool reported, briefly (differences found). */
  found?: string;
}

export interface CompareRun {
  keys: number;
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

async function timeEngine(server: ServerUnderTest): Promise<ToolTiming> {
  const client = benchS3Client(server, 64);
  try {
    const started = performance.now();
    const s3 = () => client;
    const resolved = await resolveCompare(s3, { source: SOURCE, destination: DESTINATION, mode: 'current' });
    const comparison = runComparison({ s3 }, resolved);
    for await (const row of comparison.rows) void row;
    const seconds = (performance.now() - started) / 1000;
    const counts = Object.entries(comparison.summary.counts)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    return { tool: 'compare engine (lib/compare)', seconds, found: `${counts}; ${comparison.summary.lookups} lookups` };
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
  if (tool.startsWith('aws')) return `${output.split('\n').filter((line) => line.includes('(dryrun)')).length} copies planned`;
  const differences = output.match(/(\d+) differences found/);
  const missing = output.match(/(\d+) files missing/);
  return [differences && `${differences[1]} differences`, missing && `${missing[1]} missing`].filter(Boolean).join(', ');
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, binary)));
}

const ENGINE_BENCHMARK = path.join(REPO_ROOT, 'bench', 'compare.ts');
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
      const timings: ToolTiming[] = [];
      process.stderr.write('compare: compare engine\n');
      timings.push(await timeEngine(server));
      const awsEnv = {
        ...process.env,
        AWS_ACCESS_KEY_ID: server.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_CONFIG_FILE: '/dev/null',
      };
      if (onPath('aws')) {
        process.stderr.write('compare: aws s3 sync --dryrun\n');
        timings.push(
          await timeCommand('aws s3 sync --dryrun', 'aws', ['s3', 'sync', '--dryrun', '--endpoint-url', server.url, `s3://${SOURCE}`, `s3://${DESTINATION}`], awsEnv, [0]),
        );
      } else timings.push({ tool: 'aws s3 sync --dryrun', skipped: 'aws not on PATH' });
      if (onPath('rclone')) {
        process.stderr.write('compare: rclone check\n');
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
        // rclone check exits 1 when it finds differences, which it must here.
        timings.push(await timeCommand('rclone check', 'rclone', ['check', `bench:${SOURCE}`, `bench:${DESTINATION}`], rcloneEnv, [0, 1]));
      } else timings.push({ tool: 'rclone check', skipped: 'rclone not on PATH (apt-get install -y rclone)' });
      process.stderr.write('compare: bench/compare.ts (the engine\'s own benchmark)\n');
      const engineBenchmark = await runEngineBenchmark(keys);
      runs.push({ keys, missing, differing, timings, engineBenchmark });
    } finally {
      await server.stop();
    }
  }
  return runs;
}
