import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '@/emulator/index';
import type { ReplicationDeps } from './deps';

/**
 * Integration tests only: the Save orchestration runs against real endpoints through real SDK clients —
 * the embedded endpoint (which replicates) and moto (which stores configurations without applying them).
 */
export type TestBackend = {
  name: 'embedded' | 'moto';
  deps: ReplicationDeps;
  /** Waits until queued replication work is done; undefined where the backend does not replicate. */
  drain?: () => Promise<void>;
  /** The same endpoint with another access key (an IAM user's). */
  depsFor(credentials: Credentials): ReplicationDeps;
  stop(): Promise<void>;
};

export type Credentials = { accessKeyId: string; secretAccessKey: string };

function clientsFor(endpoint: string, credentials: Credentials): { deps: ReplicationDeps; destroy(): void } {
  const s3Clients = new Map<string, S3Client>();
  const s3 = (region = 'us-east-1') => {
    let client = s3Clients.get(region);
    if (!client) {
      client = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
      s3Clients.set(region, client);
    }
    return client;
  };
  const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials });
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials });
  return {
    deps: { s3, iam, sts },
    destroy() {
      for (const client of s3Clients.values()) client.destroy();
      iam.destroy();
      sts.destroy();
    },
  };
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function startEmbeddedBackend(): Promise<TestBackend> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'replication-console-int-'));
  const emulator = await startEmulator({ port: 0, dataDir, logger: quietLogger, replicationDelayMs: 0 });
  const clients = clientsFor(emulator.url, emulator.credentials);
  const others: { destroy(): void }[] = [];
  return {
    name: 'embedded',
    deps: clients.deps,
    drain: () => emulator.drain(),
    depsFor(credentials) {
      const other = clientsFor(emulator.url, credentials);
      others.push(other);
      return other.deps;
    },
    async stop() {
      for (const other of others) other.destroy();
      clients.destroy();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Why moto cannot run here, or undefined when `python3 -m moto.server` is available. */
export function motoUnavailableReason(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import moto, moto.server'], { encoding: 'utf8' });
  if (probe.error) return 'python3 is not installed';
  if (probe.status !== 0) return 'moto is not installed for python3 (pip install "moto[server]")';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto.server exited with code ${child.exitCode}`);
    try {
      await fetch(`${url}/moto-api/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('moto.server did not answer within 30 s');
}

export async function startMotoBackend(): Promise<TestBackend> {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child);
  } catch (error) {
    child.kill();
    throw error;
  }
  const clients = clientsFor(url, { accessKeyId: 'testing', secretAccessKey: 'testing' });
  const others: { destroy(): void }[] = [];
  return {
    name: 'moto',
    deps: clients.deps,
    depsFor(credentials) {
      const other = clientsFor(url, credentials);
      others.push(other);
      return other.deps;
    },
    async stop() {
      for (const other of others) other.destroy();
      clients.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
    },
  };
}
