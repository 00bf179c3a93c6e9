/**
 * Scale benchmark of the compare engine (not a test): `npx tsx bench/compare.ts [keys]` (default 100,000).
 * Starts the embedded endpoint in a child process on a temp dir, fills two buckets (1 % of keys missing from the
 * destination, 1 % with other content), adds a rule afterwards (so the missing ones "existed before the rule"),
 * then prints the time to merely list both buckets, the time to classify every key, and this process's peak heap.
 */
import { CreateBucketCommand, ListObjectsV2Command, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PutBucketReplicationCommand } from '@aws-sdk/client-s3';
import { concurrencyLimit } from '@/lib/compare/limit';
import { resolveCompare } from '@/lib/compare/s3/resolve';
import { runComparison } from '@/lib/compare/s3/run';
import { makeTempDir, spawnTracked } from './processes';

const KEYS = Number(process.argv[2] ?? process.env.BENCH_KEYS ?? 100_000);
const FILL_CONCURRENCY = 64;
const CREDENTIALS = { accessKeyId: 'AKIABENCHCOMPARE0001', secretAccessKey: 'bench-compare-secret-not-a-real-secret00' };
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

async function main(): Promise<void> {
  const dataDir = dataDirectory();
  console.log(`endpoint data: ${dataDir}; ${KEYS.toLocaleString('en-US')} keys`);
  const endpoint = spawnTracked(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'emulator/main.ts'], {
    env: {
      ...process.env,
      EMULATOR_PORT: '0',
      EMULATOR_DATA_DIR: dataDir,
      EMULATOR_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      EMULATOR_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      EMULATOR_REPLICATION_DELAY_MS: '0',
    },
  });
  try {
    const [, url] = await endpoint.waitForLine(/listening on (http:\/\/\S+)/, 60_000);
    const s3 = new S3Client({ region: 'us-east-1', endpoint: url, forcePathStyle: true, credentials: CREDENTIALS, maxAttempts: 5 });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: url, credentials: CREDENTIALS });
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

    const listHeap = new HeapPeak().start();
    const listStarted = Date.now();
    const [sourceCount, destinationCount] = await Promise.all([listOnly(s3, SOURCE), listOnly(s3, DESTINATION)]);
    const listMs = Date.now() - listStarted;
    const listPeak = listHeap.stop();

    const compareHeap = new HeapPeak().start();
    const compareStarted = Date.now();
    const clients = () => s3;
    const resolved = await resolveCompare(clients, { source: SOURCE, ruleId: 'bench', mode: 'current' });
    const comparison = runComparison({ s3: clients }, resolved);
    let firstRowMs: number | undefined;
    for await (const row of comparison.rows) {
      firstRowMs ??= Date.now() - compareStarted;
      void row;
    }
    const compareMs = Date.now() - compareStarted;
    const comparePeak = compareHeap.stop();

    const { counts, reasons, lookups } = comparison.summary;
    console.log(`listed ${sourceCount.toLocaleString('en-US')} + ${destinationCount.toLocaleString('en-US')} keys (both buckets, concurrently): ${seconds(listMs)}, peak heap ${mb(listPeak)}`);
    console.log(`compared and classified every key:                ${seconds(compareMs)} (first row after ${firstRowMs ?? 0} ms), peak heap ${mb(comparePeak)}`);
    console.log(`  ${lookups.toLocaleString('en-US')} HeadObject lookups; classes ${JSON.stringify(counts)}; reasons ${JSON.stringify(reasons)}`);
    console.log(`  compare / list = ${(compareMs / listMs).toFixed(2)}`);
    s3.destroy();
    iam.destroy();
  } finally {
    await endpoint.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
