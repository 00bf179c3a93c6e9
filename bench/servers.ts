import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts } from '@/demo/free-port';
import { makeTempDir, spawnTracked, type TrackedChild } from './processes';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ServerKind = 'ours' | 'moto' | 's3rver' | 'ceiling';

export interface ServerUnderTest {
  kind: ServerKind;
  /** What the tables call it. */
  label: string;
  url: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  child: TrackedChild;
  dataDir?: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const BENCH_KEY = { accessKeyId: 'AKIABENCHMARKROOT000', secretAccessKey: 'bench-secret-key-of-the-embedded-endpoint' };

async function waitUntilAnswering(url: string, child: TrackedChild, name: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`${name} exited during start-up:\n${child.output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${name} did not answer on ${url}:\n${child.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface EndpointStartOptions {
  /** EMULATOR_REPLICATION_DELAY_MS */
  replicationDelayMs?: number;
  /** Reuse a data directory (restart); a new temp dir otherwise. */
  dataDir?: string;
  /** Write a V8 CPU profile of the endpoint into this directory when it stops. */
  cpuProfileDir?: string;
  /** Modules the endpoint process preloads with `--import` (e.g. `bench/loop-delay-monitor.ts`), paths from the repo root. */
  preload?: string[];
}

/** The embedded endpoint as it ships (`emulator/main.ts`), in its own process, on a free port. */
export async function startOurEndpoint(options: EndpointStartOptions = {}): Promise<ServerUnderTest> {
  const dataDir = options.dataDir ?? makeTempDir('endpoint');
  const profileArgs = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const preloadArgs = (options.preload ?? []).flatMap((module) => ['--import', `./${module}`]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMULATOR_HOST: '127.0.0.1',
    EMULATOR_PORT: '0',
    EMULATOR_DATA_DIR: dataDir,
    EMULATOR_ACCESS_KEY_ID: BENCH_KEY.accessKeyId,
    EMULATOR_SECRET_ACCESS_KEY: BENCH_KEY.secretAccessKey,
  };
  if (options.replicationDelayMs !== undefined) env.EMULATOR_REPLICATION_DELAY_MS = String(options.replicationDelayMs);
  else delete env.EMULATOR_REPLICATION_DELAY_MS;
  const child = spawnTracked(process.execPath, [...profileArgs, '--import', 'tsx', ...preloadArgs, 'emulator/main.ts'], { cwd: REPO_ROOT, env });
  const [, url] = await child.waitForLine(/S3 endpoint listening on (http:\/\/\S+)/, READY_TIMEOUT_MS);
  return { kind: 'ours', label: 'embedded', url, credentials: BENCH_KEY, child, dataDir, stop: () => child.stop() };
}

export function motoAvailable(): { ok: true } | { ok: false; reason: string } {
  try {
    execFileSync('python3', ['-c', 'import moto'], { stdio: 'ignore' });
    return { ok: true };
  } catch {
    return { ok: false, reason: "moto is not installed (python3 -c 'import moto' failed)" };
  }
}

export async function startMoto(): Promise<ServerUnderTest> {
  const [port] = await freePorts(1);
  const child = spawnTracked('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)]);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}/moto-api/`, child, 'moto');
  return {
    kind: 'moto',
    label: 'moto',
    url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    child,
    stop: () => child.stop(),
  };
}

/** s3rver's CLI in its own Node process; its listing code needs the legacy OpenSSL provider on current Node. */
export async function startS3rver(): Promise<ServerUnderTest> {
  const [port] = await freePorts(1);
  const dataDir = makeTempDir('s3rver');
  const cli = path.join(REPO_ROOT, 'node_modules', 's3rver', 'bin', 's3rver.js');
  const child = spawnTracked(process.execPath, [
    '--openssl-legacy-provider',
    cli,
    '--directory',
    dataDir,
    '--address',
    '127.0.0.1',
    '--port',
    String(port),
    '--silent',
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child, 's3rver');
  return {
    kind: 's3rver',
    label: 's3rver',
    url,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    child,
    dataDir,
    stop: () => child.stop(),
  };
}

export async function startCeiling(): Promise<ServerUnderTest> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'bench/ceiling-server.ts'], { cwd: REPO_ROOT });
  const [, port] = await child.waitForLine(/ceiling listening on (\d+)/, READY_TIMEOUT_MS);
  return {
    kind: 'ceiling',
    label: 'ceiling',
    url: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'ceiling', secretAccessKey: 'ceiling' },
    child,
    stop: () => child.stop(),
  };
}
