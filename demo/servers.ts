import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type ServerOptions = {
  root: string;
  consolePort: number;
  emulatorPort: number;
  dataDir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  replicationDelayMs: number;
  /** Reuse the existing .next build instead of running `next build` first. */
  skipBuild: boolean;
  /** start.mjs's output (build, endpoint, console) goes here, not to the terminal. */
  logFile: string;
};

export type RunningServers = {
  consoleUrl: string;
  emulatorUrl: string;
  /** Resolves once the console answers; rejects (after stopping everything) if it stops or never answers. */
  ready: Promise<void>;
  stop: () => Promise<void>;
};

const READY_TIMEOUT_MS = 6 * 60_000; // a cold `next build` on 2 cores takes minutes
const STOP_GRACE_MS = 15_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function logTail(logFile: string, lines = 30): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Starts `scripts/start.mjs` (build if asked, endpoint, console) on the given ports and data directory. It runs in its
 * own process group so that `stop()` is the one place that ends it, even during the build: SIGTERM first (start.mjs
 * stops the endpoint cleanly), then SIGKILL to the whole group.
 */
export function startServers(options: ServerOptions): RunningServers {
  const consoleUrl = `http://127.0.0.1:${options.consolePort}`;
  const emulatorUrl = `http://127.0.0.1:${options.emulatorPort}`;
  const log = createWriteStream(options.logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONSOLE_BACKEND: 'embedded',
    HOSTNAME: '127.0.0.1',
    PORT: String(options.consolePort),
    EMULATOR_HOST: '127.0.0.1',
    EMULATOR_PORT: String(options.emulatorPort),
    EMULATOR_URL: '',
    EMULATOR_DATA_DIR: options.dataDir,
    EMULATOR_ACCESS_KEY_ID: options.credentials.accessKeyId,
    EMULATOR_SECRET_ACCESS_KEY: options.credentials.secretAccessKey,
    EMULATOR_REPLICATION_DELAY_MS: String(options.replicationDelayMs),
    SKIP_BUILD: options.skipBuild ? '1' : '',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const child = spawn(process.execPath, [path.join(options.root, 'scripts', 'start.mjs')], {
    cwd: options.root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const killGroup = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  // Last resort if the demo itself dies without running stop().
  process.once('exit', killGroup);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const grace = setTimeout(killGroup, STOP_GRACE_MS);
        await exited(child);
        clearTimeout(grace);
      }
      process.removeListener('exit', killGroup);
      await new Promise<void>((resolve) => log.end(resolve));
    })();
    return stopped;
  };

  const ready = (async () => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await answers(`${consoleUrl}/api/health`))) {
      if (stopped) throw new Error('stopped before the console was ready');
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        const reason = child.exitCode !== null || child.signalCode !== null ? 'stopped' : `did not answer within ${READY_TIMEOUT_MS / 60_000} min`;
        await stop();
        throw new Error(`the console ${reason}; the end of ${options.logFile}:\n${await logTail(options.logFile)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return { consoleUrl, emulatorUrl, ready, stop };
}
