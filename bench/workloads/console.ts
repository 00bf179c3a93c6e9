import { IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { existsSync, readdirSync } from 'node:fs';
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePorts } from '@/demo/free-port';
import type { ReplicationDeps } from '@/lib/replication-console/deps';
import { saveReplicationRule } from '@/lib/replication-console/save-rule';
import { ruleInputFor } from '@/lib/replication-console/wizard-input.testkit';
import { spawnTracked } from '../processes';
import { REPO_ROOT, startOurEndpoint, type ServerUnderTest } from '../servers';
import { summarizeLatencies, type LatencySummary } from '../stats';

export interface RouteWeight {
  route: string;
  url: string;
  status: number;
  scripts: number;
  gzipBytes: number;
}

export interface ConsoleResult {
  buildSeconds?: number;
  buildReused: boolean;
  routes: RouteWeight[];
  save: { runs: number; latency: LatencySummary; phases: string } | { skipped: string };
}

/** First-load JavaScript target per route (gzipped, 1 kB = 1000 B). */
export const FIRST_LOAD_BUDGET_BYTES = 200_000;

const BUCKET = 'bench-console';
const SAVE_RUNS = 5;
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/** A dynamic segment gets a value: the bucket the workload creates, or a placeholder name (the page may say "not found"). */
function fillSegment(segment: string): string {
  const dynamic = /^\[(.+)\]$/.exec(segment);
  if (!dynamic) return segment;
  return dynamic[1] === 'bucket' ? BUCKET : `bench-${dynamic[1]}`;
}

/** Every page of the App Router, as a URL path with the dynamic segment filled in. */
export function consoleRoutes(appDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === 'api' || entry.name.startsWith('_')) continue;
        walk(path.join(dir, entry.name), [...segments, entry.name]);
      } else if (entry.name === 'page.tsx' || entry.name === 'page.ts') {
        const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment));
        routes.push(`/${visible.map(fillSegment).join('/')}`);
      }
    }
  };
  walk(appDir, []);
  return routes.sort();
}

/** The `<script src>` URLs of a page's HTML, in order, without duplicates. */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*?\ssrc="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
  return [...new Set(sources)];
}

const BUILD_LOCK_WAIT_MS = 300_000;

/** `next build`; when another build holds .next (another engineer, another run), waits for it and tries again. */
async function runBuild(): Promise<number> {
  const deadline = Date.now() + BUILD_LOCK_WAIT_MS;
  for (;;) {
    const started = performance.now();
    const child = spawnTracked(process.execPath, [NEXT_BIN, 'build'], { cwd: REPO_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
    if (code === 0) return (performance.now() - started) / 1000;
    const output = child.output();
    if (/Another next build process is already running/.test(output) && Date.now() < deadline) {
      process.stderr.write('console: another next build is running; waiting for it\n');
      await new Promise((resolve) => setTimeout(resolve, 5000));
      continue;
    }
    const lastLines = output.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`next build failed (exit ${code}): ${lastLines}`);
  }
}

async function measureRoutes(endpoint: ServerUnderTest): Promise<RouteWeight[]> {
  const [port] = await freePorts(1);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    CONSOLE_BACKEND: 'embedded',
    EMULATOR_URL: endpoint.url,
    EMULATOR_DATA_DIR: endpoint.dataDir,
    EMULATOR_ACCESS_KEY_ID: endpoint.credentials.accessKeyId,
    EMULATOR_SECRET_ACCESS_KEY: endpoint.credentials.secretAccessKey,
  };
  const next = spawnTracked(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: REPO_ROOT, env });
  try {
    await next.waitForLine(/Ready|started server|Local:/i, 60_000);
    const base = `http://127.0.0.1:${port}`;
    const gzipped = new Map<string, number>();
    const routes: RouteWeight[] = [];
    for (const route of consoleRoutes(path.join(REPO_ROOT, 'app'))) {
      let response = await fetch(`${base}${route}`);
      if (response.status >= 500) {
        // Another `next build` in the same tree can swap chunks under `next start` for a moment.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        response = await fetch(`${base}${route}`);
      }
      const html = await response.text();
      const sources = scriptSources(html);
      let gzipBytes = 0;
      for (const source of sources) {
        const url = new URL(source, base).toString();
        if (!gzipped.has(url)) {
          const body = Buffer.from(await (await fetch(url)).arrayBuffer());
          gzipped.set(url, gzipSync(body, { level: 9 }).length);
        }
        gzipBytes += gzipped.get(url) ?? 0;
      }
      routes.push({ route, url: route, status: response.status, scripts: sources.length, gzipBytes });
    }
    return routes;
  } finally {
    await next.stop();
  }
}


/** Server-side time of the wizard's Save (versioning, role, policy, configuration), called as the server action does. */
async function measureSave(endpoint: ServerUnderTest): Promise<ConsoleResult['save']> {
  const httpAgent = new Agent({ keepAlive: true });
  const common = { endpoint: endpoint.url, credentials: endpoint.credentials, requestHandler: { httpAgent } };
  const s3Clients = new Map<string, S3Client>();
  const deps: ReplicationDeps = {
    s3: (region = 'us-east-1') => {
      let client = s3Clients.get(region);
      if (!client) {
        client = new S3Client({ ...common, region, forcePathStyle: true });
        s3Clients.set(region, client);
      }
      return client;
    },
    iam: new IAMClient({ ...common, region: 'us-east-1' }),
    sts: new STSClient({ ...common, region: 'us-east-1' }),
  };
  try {
    const samples: number[] = [];
    for (let run = 0; run < SAVE_RUNS; run++) {
      const source = `bench-save-src-${run}`;
      const destination = `bench-save-dst-${run}`;
      for (const bucket of [source, destination]) await deps.s3().send(new CreateBucketCommand({ Bucket: bucket }));
      const started = performance.now();
      const outcome = await saveReplicationRule(deps, ruleInputFor(source, destination, { ruleName: 'bench-rule' }));
      samples.push(performance.now() - started);
      if (!outcome.ok) return { skipped: `Save refused: ${outcome.refusal.message}` };
    }
    return { runs: SAVE_RUNS, latency: summarizeLatencies(samples), phases: 'plan + versioning (both buckets), plan + role and policy, plan + configuration' };
  } finally {
    for (const client of s3Clients.values()) client.destroy();
    deps.iam.destroy();
    deps.sts.destroy();
    httpAgent.destroy();
  }
}

export async function runConsoleWorkload(options: { skipBuild: boolean }): Promise<ConsoleResult> {
  const buildExists = existsSync(path.join(REPO_ROOT, '.next', 'BUILD_ID'));
  const reuse = options.skipBuild && buildExists;
  let buildSeconds: number | undefined;
  if (!reuse) {
    process.stderr.write('console: next build\n');
    buildSeconds = await runBuild();
  }
  const endpoint = await startOurEndpoint();
  try {
    const s3 = new S3Client({ endpoint: endpoint.url, region: 'us-east-1', forcePathStyle: true, credentials: endpoint.credentials });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'folder/readme.txt', Body: 'hello' }));
    s3.destroy();
    process.stderr.write('console: first-load JavaScript per route\n');
    const routes = await measureRoutes(endpoint);
    process.stderr.write('console: wizard Save\n');
    const save = await measureSave(endpoint);
    return { buildSeconds, buildReused: reuse, routes, save };
  } finally {
    await endpoint.stop();
  }
}
