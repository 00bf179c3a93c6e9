import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitForReplicationDrain } from '../shared/admin-client';
import { checkDataDir } from '../shared/data-dir';
import { killHard, startChildEndpoint, stopGracefully, type ChildEndpoint, type RootKey } from '@/emulator/testing/child-endpoint.testkit';
import { Ledger } from './ledger';
import { startLoad } from './load-generator';
import { randomInt, seededRandom } from './random';
import { setUpReplication } from './setup';
import { verifyObjects } from './verify-objects';

export interface CrashRunOptions {
  kills: number;
  seed?: number;
  workers?: number;
  keys?: number;
  maxBodyBytes?: number;
  /** How long the endpoint serves the load before each kill: a random time in this range. */
  uptimeMs?: [number, number];
  replicationDelayMs?: number;
  keepData?: boolean;
  log?: (line: string) => void;
}

export interface CrashSummary {
  kills: number;
  seed: number;
  acknowledged: number;
  puts: number;
  overwrites: number;
  deletes: number;
  /** Requests in flight at a kill: applied or not, either is acceptable. */
  inDoubt: number;
  /** Requests the endpoint answered with an error (none expected). */
  rejected: number;
  sourceVersions: number;
  lost: number;
  torn: number;
  replicasMissing: number;
  duplicateReplicas: number;
  integrity: string;
  orphans: number;
  missingBlobs: number;
  durationMs: number;
  problems: string[];
  dataDir: string;
}

const CREDENTIALS: RootKey = { accessKeyId: 'AKIACRASHHARNESS0001', secretAccessKey: 'crash-harness-secret-key-not-a-real-one00' };
const BUCKETS = { source: 'crash-source', destination: 'crash-destination' };

function clientsFor(endpoint: ChildEndpoint): { s3: S3Client; iam: IAMClient } {
  const common = { endpoint: endpoint.url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 };
  return { s3: new S3Client({ ...common, forcePathStyle: true }), iam: new IAMClient(common) };
}

export function summaryLine(summary: CrashSummary): string {
  return (
    `crash: kills=${summary.kills} acknowledged=${summary.acknowledged} lost=${summary.lost} torn=${summary.torn} ` +
    `replicas_missing=${summary.replicasMissing} duplicate_replicas=${summary.duplicateReplicas} ` +
    `integrity=${summary.integrity} orphans=${summary.orphans}`
  );
}

export function detailLine(summary: CrashSummary): string {
  return (
    `crash: seed=${summary.seed} puts=${summary.puts} overwrites=${summary.overwrites} deletes=${summary.deletes} ` +
    `in_doubt=${summary.inDoubt} rejected=${summary.rejected} source_versions=${summary.sourceVersions} ` +
    `missing_blobs=${summary.missingBlobs} duration=${(summary.durationMs / 1000).toFixed(1)}s`
  );
}

export function isClean(summary: CrashSummary): boolean {
  return (
    summary.lost === 0 &&
    summary.torn === 0 &&
    summary.replicasMissing === 0 &&
    summary.duplicateReplicas === 0 &&
    summary.integrity === 'ok' &&
    summary.orphans === 0 &&
    summary.missingBlobs === 0 &&
    summary.rejected === 0
  );
}

/**
 * The crash test: the endpoint as a child process under concurrent PUT / overwrite / DELETE load with replication,
 * killed with SIGKILL `kills` times at random moments and restarted on the same data directory; then everything
 * acknowledged is checked, replication is drained and checked, and the stopped data directory is inspected.
 */
export async function runCrashTest(options: CrashRunOptions): Promise<CrashSummary> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const log = options.log ?? (() => undefined);
  const [minUptime, maxUptime] = options.uptimeMs ?? [200, 1500];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crash-test-'));
  const keys = Array.from({ length: options.keys ?? 24 }, (_, i) => (i % 3 === 0 ? `dir/sub/k-${i}` : `k-${i}`));
  const ledger = new Ledger();
  const childOptions = { dataDir, credentials: CREDENTIALS, replicationDelayMs: options.replicationDelayMs ?? 5 };
  let endpoint = await startChildEndpoint(childOptions);
  try {
    {
      const { s3, iam } = clientsFor(endpoint);
      await setUpReplication(s3, iam, BUCKETS);
      s3.destroy();
      iam.destroy();
    }
    for (let kill = 1; kill <= options.kills; kill += 1) {
      if (kill > 1) endpoint = await startChildEndpoint(childOptions);
      const { s3 } = clientsFor(endpoint);
      const load = startLoad(s3, ledger, {
        bucket: BUCKETS.source,
        keys,
        workers: options.workers ?? 8,
        random,
        maxBodyBytes: options.maxBodyBytes ?? 512 * 1024,
      });
      await new Promise((resolve) => setTimeout(resolve, randomInt(random, minUptime, maxUptime)));
      await killHard(endpoint.process);
      await load.stop();
      s3.destroy();
      log(`kill ${kill}/${options.kills}: ${ledger.acknowledged().length} acknowledged so far`);
    }

    endpoint = await startChildEndpoint(childOptions);
    const { s3 } = clientsFor(endpoint);
    const target = { url: endpoint.url, credentials: CREDENTIALS };
    await waitForReplicationDrain(target, BUCKETS.source);
    const objects = await verifyObjects(target, s3, ledger, BUCKETS);
    s3.destroy();
    const exitCode = await stopGracefully(endpoint.process);
    if (exitCode !== 0) throw new Error(`endpoint did not stop cleanly (exit ${exitCode}):\n${endpoint.output()}`);
    const disk = checkDataDir(dataDir);
    return {
      kills: options.kills,
      seed,
      acknowledged: ledger.acknowledged().length,
      puts: ledger.count((op) => op.outcome === 'acknowledged' && op.kind === 'put'),
      overwrites: ledger.count((op) => op.outcome === 'acknowledged' && op.kind === 'overwrite'),
      deletes: ledger.count((op) => op.outcome === 'acknowledged' && op.kind === 'delete'),
      inDoubt: ledger.count((op) => op.outcome === 'unknown'),
      rejected: ledger.count((op) => op.outcome === 'rejected'),
      sourceVersions: objects.sourceVersions,
      lost: objects.lost,
      torn: objects.torn,
      replicasMissing: objects.replicasMissing,
      duplicateReplicas: objects.duplicateReplicas,
      integrity: disk.integrity,
      orphans: disk.orphans,
      missingBlobs: disk.missingBlobs,
      durationMs: Date.now() - started,
      problems: objects.problems,
      dataDir,
    };
  } finally {
    await killHard(endpoint.process);
    if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}
