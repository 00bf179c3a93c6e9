import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 30_000;

export interface RootKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The real endpoint (`tsx emulator/main.ts`) in its own process, so that it can be killed with SIGKILL. Free of
 * Vitest: the crash harness (reliability/crash) also runs it outside the test runner.
 */
export interface ChildEndpoint {
  url: string;
  process: ChildProcess;
  /** Everything the process printed (for failure messages). */
  output(): string;
}

export interface ChildEndpointOptions {
  dataDir: string;
  credentials: RootKey;
  /** One replication delay for every region pair; default: the region-pair table. */
  replicationDelayMs?: number;
}

export async function startChildEndpoint(options: ChildEndpointOptions): Promise<ChildEndpoint> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      EMULATOR_HOST: '127.0.0.1',
      EMULATOR_PORT: '0',
      EMULATOR_DATA_DIR: options.dataDir,
      ...(options.replicationDelayMs === undefined ? {} : { EMULATOR_REPLICATION_DELAY_MS: String(options.replicationDelayMs) }),
      EMULATOR_ACCESS_KEY_ID: options.credentials.accessKeyId,
      EMULATOR_SECRET_ACCESS_KEY: options.credentials.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`endpoint did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`endpoint exited during start-up (${signal ?? code}):\n${output}`));
    });
  });
  return { url, process: child, output: () => output };
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** kill -9: no shutdown handler runs, nothing is flushed. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** SIGTERM: the endpoint closes its server and database; SIGKILL after `timeoutMs`. */
export async function stopGracefully(child: ChildProcess, timeoutMs = 15_000): Promise<number | null> {
  if (hasExited(child)) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
