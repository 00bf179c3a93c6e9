/**
 * Scale benchmark of the compare engine (not a test): `npx tsx bench/compare.ts [keys]` (default 100,000).
 * Starts the embedded endpoint in a child process on a temp dir, fills two buckets (1 % of keys missing from the
 * destination, 1 % with other content), adds a rule afterwards (so the missing ones "existed before the rule"),
 * then prints the time to merely list both buckets (with the SDK's ListObjectsV2, and through the engine's own
 * listing path without classifying), the time to classify every key, and this process's peak heap. Each is
 * measured ROUNDS times, interleaved, after one untimed warm-up listing; the medians are compared.
 *
 * `bench/compare.ts --against URL --source A --destination B` instead runs one comparison of two existing buckets
 * (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) and prints its summary as one JSON line: the
 * engine as a command, so the compare workload can time it from process start to exit like the other tools.
 */
import { CreateBucketCommand, ListObjectsV2Command, PutBucketReplicationCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { concurrencyLimit } from '@/lib/compare/limit';
import { listingPages } from '@/lib/compare/s3/listing';
import { resolveCompare } from '@/lib/compare/s3/resolve';
import { runComparison } from '@/lib/compare/s3/run';
import type { CompareSummary } from '@/lib/compare/types';
import { makeTempDir } from './processes';
import { startOurEndpoint } from './servers';
import { median } from './stats';

const KEYS = Number(process.argv[2] ?? process.env.BENCH_KEYS ?? 100_000);
const ROUNDS = 3;
const FILL_CONCURRENCY = 64;
const SOURCE = 'bench-compare-src';
const DESTINATION = 'bench-compare-dst';

/** Every 100th key is missing at the destination, every 100th (offset 50) differs; some keys are not ASCII. */
function keyOf(i: number): string {
  const base = `data/${String(i).padStart(7, '0')}`;
  return i % 97 === 0 ? `${base}-é` : i % 89 === 0 ? `${base}-😀` : base;
}

class HeapPeak {
  peak = 0;
  private timer: NodeJS.Timeout | undefined;
  start(): this {
    global.gc?.();
    this.peak = process.memoryUsage().heapUsed;
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
    }, 20);
    return this;
  }
  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
    return this.peak;
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function fill(s3: S3Client): Promise<void> {
  const limit = concurrencyLimit(FILL_CONCURRENCY);
  const started = Date.now();
  const puts: Promise<unknown>[] = [];
  for (let i = 0; i < KEYS; i += 1) {
    const key = keyOf(i);
    puts.push(limit(() => s3.send(new PutObjectCommand({ Bucket: SOURCE, Key: key, Body: `body ${i}` }))));
    if (i % 100 !== 0) {
      const body = i % 100 === 50 ? `other ${i}` : `body ${i}`;
      puts.push(limit(() => s3.send(new PutObjectCommand({ Bucket: DESTINATION, Key: key, Body: body }))));
    }
    // Bound the pending promise list itself.
    if (puts.length >= 10_000) await Promise.all(puts.splice(0));
  }
  await Promise.all(puts);
  console.log(`filled ${KEYS.toLocaleString('en-US')} + ${Math.round(KEYS * 0.99).toLocaleString('en-US')} objects in ${seconds(Date.now() - started)}`);
}

/** Lists a bucket with the SDK's ListObjectsV2 (what any S3 program does): the target's reference time. */
async function listOnly(s3: S3Client, bucket: string): Promise<number> {
  let token: string | undefined;
  let count = 0;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    count += page.KeyCount ?? 0;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return count;
}

/** Lists a bucket through the compare engine's own listing path (lib/compare/s3/listing.ts), classifying nothing. */
async function listEngineWay(s3: S3Client, bucket: string): Promise<number> {
  let count = 0;
  for await (const page of listingPages(s3, { bucket, mode: 'current' })) count += page.length;
  return count;
}

/** One comparison of two existing buckets, as the console runs it (resolve the pair, then stream every row). */
async function compareOnce(s3: S3Client, source: string, destination: string, rule?: string): Promise<CompareSummary> {
  const clients = () => s3;
  const resolved = await resolveCompare(clients, rule ? { source, ruleId: rule, mode: 'current' } : { source, destination, mode: 'current' });
  const comparison = runComparison({ s3: clients }, resolved);
  for await (const row of comparison.rows) void row;
  return comparison.summary;
}

/**
 * The fill is 2 × N small PUTs, each a durable SQLite commit (an fsync). On a RAM disk (/dev/shm, when there is one)
 * the fill takes minutes instead of tens of minutes; the listing and comparison timings do not depend on fsync.
 */
function dataDirectory(): string {
  const ramDisk = '/dev/shm';
  if (process.env.BENCH_DISK !== '1' && existsSync(ramDisk)) {
    const dir = mkdtempSync(path.join(ramDisk, 'bench-compare-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  return makeTempDir('compare');
}

async function benchmark(): Promise<void> {
  const { CreateRoleCommand, IAMClient, PutRolePolicyCommand } = await import('@aws-sdk/client-iam');
  const dataDir = dataDirectory();
  console.log(`endpoint data: ${dataDir}; ${KEYS.toLocaleString('en-US')} keys`);
  const endpoint = await startOurEndpoint({ dataDir, replicationDelayMs: 0 });
  try {
    const { url, credentials } = endpoint;
    const s3 = new S3Client({ region: 'us-east-1', endpoint: url, forcePathStyle: true, credentials, maxAttempts: 5 });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: url, credentials });
    for (const bucket of [SOURCE, DESTINATION]) {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    }
    await fill(s3);
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'bench-compare',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'bench-compare',
        PolicyName: 'replication',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
      }),
    );
    await s3.send(
      new PutBucketReplicationCommand({
        Bucket: SOURCE,
        ReplicationConfiguration: {
          Role: role.Role?.Arn,
          Rules: [{ ID: 'bench', Priority: 1, Status: 'Enabled', Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: `arn:aws:s3:::${DESTINATION}` } }],
        },
      }),
    );

    // Warm-up (untimed): the endpoint's first listing of the buckets, and this process's first run of each path.
    await Promise.all([listOnly(s3, SOURCE), listOnly(s3, DESTINATION)]);
    await Promise.all([listEngineWay(s3, SOURCE), listEngineWay(s3, DESTINATION)]);

    const sdkList: number[] = [];
    const engineList: number[] = [];
    const compare: number[] = [];
    let sourceCount = 0;
    let destinationCount = 0;
    let listPeak = 0;
    let comparePeak = 0;
    let summary: CompareSummary | undefined;
    for (let round = 0; round < ROUNDS; round += 1) {
      const listHeap = new HeapPeak().start();
      let started = performance.now();
      [sourceCount, destinationCount] = await Promise.all([listOnly(s3, SOURCE), listOnly(s3, DESTINATION)]);
      sdkList.push(performance.now() - started);
      listPeak = Math.max(listPeak, listHeap.stop());

      started = performance.now();
      await Promise.all([listEngineWay(s3, SOURCE), listEngineWay(s3, DESTINATION)]);
      engineList.push(performance.now() - started);

      const compareHeap = new HeapPeak().start();
      started = performance.now();
      summary = await compareOnce(s3, SOURCE, DESTINATION, 'bench');
      compare.push(performance.now() - started);
      comparePeak = Math.max(comparePeak, compareHeap.stop());
    }
    const sdkListMs = median(sdkList);
    const engineListMs = median(engineList);
    const compareMs = median(compare);
    const { counts, reasons, lookups } = summary ?? { counts: {}, reasons: {}, lookups: 0 };
    const all = (values: number[]) => values.map((ms) => (ms / 1000).toFixed(2)).join(', ');
    console.log(`medians of ${ROUNDS} interleaved rounds after a warm-up; both buckets listed concurrently`);
    console.log(`listed ${sourceCount.toLocaleString('en-US')} + ${destinationCount.toLocaleString('en-US')} keys with the SDK's ListObjectsV2:  ${seconds(sdkListMs)} (${all(sdkList)}), peak heap ${mb(listPeak)}`);
    console.log(`listed both through the engine's listing path (no classification): ${seconds(engineListMs)} (${all(engineList)})`);
    console.log(`compared and classified every key:                                 ${seconds(compareMs)} (${all(compare)}), peak heap ${mb(comparePeak)}`);
    console.log(`  ${lookups.toLocaleString('en-US')} HeadObject lookups; classes ${JSON.stringify(counts)}; reasons ${JSON.stringify(reasons)}`);
    console.log(`  compare / list (SDK) = ${(compareMs / sdkListMs).toFixed(2)}`);
    console.log(`  compare / list (engine's listing path) = ${(compareMs / engineListMs).toFixed(2)}`);
    s3.destroy();
    iam.destroy();
  } finally {
    await endpoint.stop();
  }
}

/** `--against URL --source A --destination B`: one comparison, its summary printed as JSON. */
async function compareAgainst(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { against: { type: 'string' }, source: { type: 'string' }, destination: { type: 'string' } } });
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
  if (!values.against || !values.source || !values.destination || !accessKeyId || !secretAccessKey) {
    throw new Error('usage: bench/compare.ts --against URL --source BUCKET --destination BUCKET (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY set)');
  }
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: values.against,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) },
  });
  try {
    const { counts, lookups, rows } = await compareOnce(s3, values.source, values.destination);
    console.log(JSON.stringify({ rows, counts, lookups }));
  } finally {
    s3.destroy();
  }
}

const args = process.argv.slice(2);
(args.includes('--against') ? compareAgainst(args) : benchmark()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
