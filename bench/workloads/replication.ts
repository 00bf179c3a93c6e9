import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { adminGet } from '../admin-client';
import type { ReplicationWorkloadOptions } from '../options';
import { runOpenLoop } from '../pacing';
import { benchS3Client } from '../s3-client';
import { startOurEndpoint, type ServerUnderTest } from '../servers';
import { summarizeLatencies, type LatencySummary } from '../stats';
import { SOURCE_BUCKET, setUpReplication } from './replication-setup';

interface StatusReport {
  replicationStatus: string | null;
  destinations: { status: string; queuedAt: number; finishedAt: number | null }[];
}

export interface LagResult {
  targetRate: number;
  achievedRate: number;
  puts: number;
  putErrors: number;
  firstPutError?: string;
  /** PUT acknowledged (client clock) → source version COMPLETED (the task's finish time, same machine clock). */
  lag: LatencySummary;
  /** Version committed (task queued) → COMPLETED, as the endpoint records it. */
  queueToCompleted: LatencySummary;
  notCompleted: number;
}

export interface DrainResult {
  versions: number;
  /** (versions − 1) / (last finish − first finish): the queue's throughput once it runs. */
  versionsPerSecond: number;
  /** From the restart (delay removed) to the last COMPLETED. */
  restartToLastSeconds: number;
  notCompleted: number;
  method: string;
}

export interface ReplicationResult {
  lag: LagResult[];
  drain?: DrainResult;
}

const BODY = randomBytes(1024);
const COMPLETION_TIMEOUT_MS = 180_000;
const STATUS_CONCURRENCY = 16;
const PROBE_SAMPLE = 8;

async function mapConcurrent<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]);
      }
    }),
  );
  return results;
}

/** Waits until every key's latest version is COMPLETED (or FAILED, or the timeout); returns the reports. */
async function awaitCompletion(server: ServerUnderTest, keys: string[]): Promise<Map<string, StatusReport>> {
  const reports = new Map<string, StatusReport>();
  let open = keys;
  const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
  while (open.length > 0 && Date.now() < deadline) {
    // A spread-out sample first: while any of it is pending, so is much of the rest, and polling every key would
    // load the endpoint being measured.
    const sample = Array.from({ length: Math.min(PROBE_SAMPLE, open.length) }, (_, i) => open[Math.floor(((i + 1) * open.length) / (PROBE_SAMPLE + 1))] ?? open[open.length - 1]);
    const probes = await mapConcurrent(sample, 4, (key) =>
      adminGet<StatusReport>(server, '/_emulator/replication/status', { bucket: SOURCE_BUCKET, key }),
    );
    if (probes.some((probe) => probe.replicationStatus === 'PENDING')) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    const fetched = await mapConcurrent(open, STATUS_CONCURRENCY, (key) =>
      adminGet<StatusReport>(server, '/_emulator/replication/status', { bucket: SOURCE_BUCKET, key }),
    );
    const stillOpen: string[] = [];
    fetched.forEach((report, index) => {
      if (report.replicationStatus === 'PENDING') stillOpen.push(open[index]);
      else reports.set(open[index], report);
    });
    open = stillOpen;
    if (open.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return reports;
}

function finishedAt(report: StatusReport | undefined): number | undefined {
  const destination = report?.destinations[0];
  return report?.replicationStatus === 'COMPLETED' && destination?.finishedAt ? destination.finishedAt : undefined;
}

async function measureLag(server: ServerUnderTest, client: S3Client, rate: number, seconds: number): Promise<LagResult> {
  const ackAt = new Map<string, number>();
  let putErrors = 0;
  let firstPutError: string | undefined;
  const run = await runOpenLoop({
    rate,
    seconds,
    async fire(index) {
      const key = `lag-${rate}/${String(index).padStart(6, '0')}`;
      try {
        await client.send(new PutObjectCommand({ Bucket: SOURCE_BUCKET, Key: key, Body: BODY }));
        ackAt.set(key, Date.now());
      } catch (error) {
        putErrors += 1;
        firstPutError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw error;
      }
    },
  });
  const reports = await awaitCompletion(server, [...ackAt.keys()]);
  const lags: number[] = [];
  const queueLags: number[] = [];
  let notCompleted = 0;
  for (const [key, acknowledged] of ackAt) {
    const report = reports.get(key);
    const finished = finishedAt(report);
    if (finished === undefined) {
      notCompleted += 1;
      continue;
    }
    // Replication may finish while the PUT's own acknowledgement is still on its way: that is a lag of 0.
    lags.push(Math.max(0, finished - acknowledged));
    queueLags.push(finished - (report?.destinations[0]?.queuedAt ?? finished));
  }
  return {
    targetRate: rate,
    achievedRate: run.achievedRate,
    puts: ackAt.size,
    putErrors,
    firstPutError,
    lag: summarizeLatencies(lags),
    queueToCompleted: summarizeLatencies(queueLags),
    notCompleted,
  };
}

const PAUSED_DELAY_MS = 3_600_000;

/**
 * The backlog is written while the simulated replication delay is an hour (tasks queued, not due); the endpoint is
 * then restarted with the delay at 0, which makes every queued task due at once, and the queue drains.
 */
async function measureDrain(versions: number, cpuProfileDir?: string): Promise<DrainResult> {
  const paused = await startOurEndpoint({ replicationDelayMs: PAUSED_DELAY_MS });
  const dataDir = paused.dataDir as string;
  const keys = Array.from({ length: versions }, (_, i) => `backlog/${String(i).padStart(6, '0')}`);
  let client = benchS3Client(paused);
  try {
    await setUpReplication(paused, client);
    await mapConcurrent(keys, 32, (key) => client.send(new PutObjectCommand({ Bucket: SOURCE_BUCKET, Key: key, Body: BODY })));
  } finally {
    client.destroy();
    await paused.stop();
  }
  const restartedAt = Date.now();
  const running = await startOurEndpoint({ replicationDelayMs: 0, dataDir, cpuProfileDir });
  client = benchS3Client(running);
  try {
    const reports = await awaitCompletion(running, keys);
    const finishes = keys.map((key) => finishedAt(reports.get(key))).filter((t): t is number => t !== undefined);
    const first = Math.min(...finishes);
    const last = Math.max(...finishes);
    return {
      versions,
      versionsPerSecond: finishes.length > 1 && last > first ? (finishes.length - 1) / ((last - first) / 1000) : Number.NaN,
      restartToLastSeconds: (last - restartedAt) / 1000,
      notCompleted: versions - finishes.length,
      method: 'backlog PUT with EMULATOR_REPLICATION_DELAY_MS=3600000, endpoint restarted with 0; rate over first→last task finish',
    };
  } finally {
    client.destroy();
    await running.stop();
  }
}

/** With `cpuProfileDir`, the endpoint that drains the backlog writes a CPU profile there. */
export async function runReplicationWorkload(options: ReplicationWorkloadOptions, cpuProfileDir?: string): Promise<ReplicationResult> {
  const lag: LagResult[] = [];
  const server = await startOurEndpoint({ replicationDelayMs: 0 });
  const client = benchS3Client(server, 1024);
  try {
    await setUpReplication(server, client);
    for (const rate of options.rates) {
      process.stderr.write(`replication: lag at ${rate} PUT/s for ${options.rateSeconds} s\n`);
      lag.push(await measureLag(server, client, rate, options.rateSeconds));
    }
  } finally {
    client.destroy();
    await server.stop();
  }
  process.stderr.write(`replication: drain of ${options.backlog} queued versions\n`);
  const drain = await measureDrain(options.backlog, cpuProfileDir);
  return { lag, drain };
}
