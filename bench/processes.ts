import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Everything the benchmark starts (child processes, temp dirs) is registered here, so one cleanup — on normal exit,
 * an error, or Ctrl-C — stops exactly those processes and removes exactly those directories.
 */
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let cleanupInstalled = false;

export function makeTempDir(prefix: string): string {
  installCleanup();
  const dir = mkdtempSync(path.join(os.tmpdir(), `bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export interface TrackedChild {
  process: ChildProcess;
  pid: number;
  /** Everything the child printed (stdout + stderr), for error messages. */
  output(): string;
  /** Resolves with the first line matching `pattern`; rejects if the child exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;

export function spawnTracked(command: string, args: string[], options: SpawnOptions = {}): TrackedChild {
  installCleanup();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  children.add(child);
  let output = '';
  const lineListeners = new Set<(line: string) => void>();
  let pending = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-OUTPUT_LIMIT);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) for (const listener of lineListeners) listener(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => {
      children.delete(child);
      resolve();
    });
  });
  return {
    process: child,
    pid: child.pid,
    output: () => output,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern} from ${command}:\n${output}`)), timeoutMs);
        const onExit = () => finish(new Error(`${command} exited before printing ${pattern}:\n${output}`));
        const listener = (line: string) => {
          const match = line.match(pattern);
          if (match) finish(undefined, match);
        };
        const finish = (error: Error | undefined, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          lineListeners.delete(listener);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(match as RegExpMatchArray);
        };
        lineListeners.add(listener);
        child.once('exit', onExit);
      });
    },
    async stop(graceMs = 5000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(killer);
      }
      children.delete(child);
    },
  };
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where /proc is absent. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function cleanupNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', cleanupNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping benchmark servers`);
      cleanupNow();
      process.exit(130);
    });
  }
}

/** Stops every tracked child gracefully (used at the end of a normal run). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  children.clear();
}
