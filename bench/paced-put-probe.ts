import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runOpenLoop } from './pacing';
import { stopAllChildren } from './processes';
import { benchS3Client } from './s3-client';
import { startOurEndpoint, type ServerUnderTest } from './servers';
import { summarizeLatencies } from './stats';
import { SOURCE_BUCKET, setUpReplication } from './workloads/replication-setup';

/**
 * Open-loop paced PUTs of 4 KiB against the embedded endpoint (child process, replication rule active, replication
 * delay 0), to see which requests fail and whether the endpoint's event loop was held up meanwhile.
 *
 *   npx tsx bench/paced-put-probe.ts [--rates 100,300] [--seconds 20] [--idle 0] [--bench-client] [--profile DIR]
 *
 * The client is the SDK's default (its own keep-alive agent, 50 sockets) with retries off, so every failure shows;
 * `--bench-client` uses the benchmark's client instead (1,024 sockets, 10 s connection timeout). `--idle` waits that
 * many seconds between rates, so keep-alive sockets sit idle before they are reused. `--profile DIR` writes a CPU
 * profile of the endpoint there when it stops.
 */

const BODY = randomBytes(4096);

interface LoopDelaySample {
  at: number;
  maxMs: number;
}

function watchLoopDelay(server: ServerUnderTest): LoopDelaySample[] {
  const samples: LoopDelaySample[] = [];
  let pending = '';
  server.child.process.stderr?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^loop-delay t=(\d+) max=([\d.]+)/.exec(line);
      if (match) samples.push({ at: Number(match[1]), maxMs: Number(match[2]) });
    }
  });
  return samples;
}

function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message.replace(/\d+/g, 'N').slice(0, 90);
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${message}`;
}

function defaultSdkClient(server: ServerUnderTest): S3Client {
  return new S3Client({ endpoint: server.url, region: 'us-east-1', forcePathStyle: true, credentials: server.credentials, maxAttempts: 1 });
}

async function probeRate(client: S3Client, rate: number, seconds: number, loopDelays: LoopDelaySample[]): Promise<void> {
  const latencies: number[] = [];
  const errors = new Map<string, number[]>();
  const startedAt = Date.now();
  const run = await runOpenLoop({
    rate,
    seconds,
    async fire(index) {
      const began = performance.now();
      try {
        await client.send(new PutObjectCommand({ Bucket: SOURCE_BUCKET, Key: `probe-${rate}/${String(index).padStart(6, '0')}`, Body: BODY }));
        latencies.push(performance.now() - began);
      } catch (error) {
        const kind = errorKind(error);
        const times = errors.get(kind) ?? [];
        times.push((Date.now() - startedAt) / 1000);
        errors.set(kind, times);
        throw error;
      }
    },
  });
  const endedAt = Date.now();
  const during = loopDelays.filter((sample) => sample.at >= startedAt && sample.at <= endedAt + 1000);
  const latency = summarizeLatencies(latencies);
  const failed = [...errors.values()].reduce((sum, times) => sum + times.length, 0);
  const worstSeconds = [...during].sort((a, b) => b.maxMs - a.maxMs).slice(0, 5);
  console.log(`\n${rate} PUT/s for ${seconds} s: ${run.sent} sent, ${latencies.length} ok, ${failed} failed, achieved ${run.achievedRate.toFixed(1)} PUT/s`);
  console.log(`  latency ms p50 ${latency.p50Ms.toFixed(0)} / p99 ${latency.p99Ms.toFixed(0)} / max ${latency.maxMs.toFixed(0)}`);
  console.log(
    `  endpoint event-loop delay: max ${Math.max(0, ...during.map((s) => s.maxMs)).toFixed(0)} ms; worst seconds ${worstSeconds
      .map((s) => `+${((s.at - startedAt) / 1000).toFixed(0)}s ${s.maxMs.toFixed(0)} ms`)
      .join(', ')}`,
  );
  for (const [kind, times] of errors) {
    console.log(`  ${times.length} × ${kind} (at ${times.slice(0, 5).map((t) => `+${t.toFixed(1)}s`).join(', ')}${times.length > 5 ? ', …' : ''})`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: '100,300' },
      seconds: { type: 'string', default: '20' },
      idle: { type: 'string', default: '0' },
      'bench-client': { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  const rates = values.rates.split(',').map(Number);
  const seconds = Number(values.seconds);
  const idleSeconds = Number(values.idle);
  const server = await startOurEndpoint({ replicationDelayMs: 0, preload: ['bench/loop-delay-monitor.ts'], cpuProfileDir: values.profile });
  const loopDelays = watchLoopDelay(server);
  const client = values['bench-client'] ? benchS3Client(server, 1024) : defaultSdkClient(server);
  try {
    await setUpReplication(server, client);
    for (const [index, rate] of rates.entries()) {
      if (index > 0 && idleSeconds > 0) await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
      await probeRate(client, rate, seconds, loopDelays);
    }
  } finally {
    client.destroy();
    await server.stop();
  }
}

// Temp dirs and any child still running are removed by the exit handler of ./processes.
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopAllChildren());
