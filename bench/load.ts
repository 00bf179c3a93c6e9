import { performance } from 'node:perf_hooks';
import { processCpuSeconds } from './processes';
import { cpuShare, summarizeLatencies, type LatencySummary } from './stats';

export interface PhaseResult {
  phase: string;
  operations: number;
  errors: number;
  firstError?: string;
  wallSeconds: number;
  opsPerSecond: number;
  /** Payload MB/s (10^6 bytes) when the phase moves bytes. */
  megabytesPerSecond?: number;
  /** Listing phases: keys returned per second. */
  keysPerSecond?: number;
  latency: LatencySummary;
  /** Client process CPU over the phase's wall time, as a share of one core. */
  clientCpu?: number;
  /** Server process CPU over the same interval, as a share of one core. */
  serverCpu?: number;
}

/** The raw measurements of one slice of a phase against one server. */
export interface Slice {
  latenciesMs: number[];
  errors: number;
  firstError?: string;
  wallSeconds: number;
  clientCpuSeconds: number;
  serverCpuSeconds?: number;
}

export interface SliceOptions {
  /** Operation indexes [from, to). */
  from: number;
  to: number;
  concurrency: number;
  /**
   * Shared with other threads running the same range: element 0 counts the indexes taken so far, so every index runs
   * exactly once across all of them. Without it, this call takes every index itself.
   */
  sharedCursor?: Int32Array;
  operation(index: number): Promise<unknown>;
}

/** What `measure` saw while its work ran. */
export interface Measured<T> {
  result: T;
  wallSeconds: number;
  clientCpuSeconds: number;
  serverCpuSeconds?: number;
}

/** Wall time and CPU spent while `work` runs: this whole process's (all threads), and the server process's when its pid is given. */
export async function measure<T>(work: () => Promise<T>, serverPid?: number): Promise<Measured<T>> {
  const serverCpuBefore = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpuAfter = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
  return {
    result,
    wallSeconds,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
    serverCpuSeconds: serverCpuBefore === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpuBefore,
  };
}

/** Closed-loop load: `concurrency` workers take the next index until the range is done. */
export async function runSlice(options: SliceOptions): Promise<Slice> {
  const latenciesMs: number[] = [];
  const cursor = options.sharedCursor ?? new Int32Array(1);
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    for (;;) {
      const index = options.from + Atomics.add(cursor, 0, 1);
      if (index >= options.to) return;
      const t0 = performance.now();
      try {
        await options.operation(index);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, options.to - options.from));
  const { wallSeconds, clientCpuSeconds } = await measure(() => Promise.all(Array.from({ length: workers }, worker)));
  return { latenciesMs, errors, firstError, wallSeconds, clientCpuSeconds };
}

/** One phase's result from its slices: rates over the summed wall time, percentiles over all samples. */
export function mergeSlices(phase: string, slices: Slice[], bytesPerOperation?: number): PhaseResult {
  const latencies = slices.flatMap((slice) => slice.latenciesMs);
  const wallSeconds = slices.reduce((sum, slice) => sum + slice.wallSeconds, 0);
  const errors = slices.reduce((sum, slice) => sum + slice.errors, 0);
  const serverCpu = slices.every((slice) => slice.serverCpuSeconds !== undefined)
    ? slices.reduce((sum, slice) => sum + (slice.serverCpuSeconds ?? 0), 0)
    : undefined;
  const operations = latencies.length;
  return {
    phase,
    operations,
    errors,
    firstError: slices.find((slice) => slice.firstError)?.firstError,
    wallSeconds,
    opsPerSecond: wallSeconds > 0 ? operations / wallSeconds : 0,
    megabytesPerSecond: bytesPerOperation === undefined || wallSeconds <= 0 ? undefined : (operations * bytesPerOperation) / 1e6 / wallSeconds,
    latency: summarizeLatencies(latencies),
    clientCpu: cpuShare(slices.reduce((sum, slice) => sum + slice.clientCpuSeconds, 0), wallSeconds),
    serverCpu: cpuShare(serverCpu, wallSeconds),
  };
}
