import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '@/emulator/index';
import type { ConsoleClients, S3ClientFor } from './clients';

/** Integration tests only: the embedded endpoint on port 0 in a temp dir, with real SDK clients pointed at it. */
export type TestEndpoint = ConsoleClients & {
  url: string;
  s3Default: S3Client;
  /** Resolves once replication has nothing left to do. */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function startTestEndpoint(): Promise<TestEndpoint> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 's3-console-int-'));
  const emulator = await startEmulator({ port: 0, dataDir, logger: quietLogger, replicationDelayMs: 0 });
  const common = { endpoint: emulator.url, credentials: emulator.credentials };
  const s3Clients = new Map<string, S3Client>();
  const s3: S3ClientFor = (region = 'us-east-1') => {
    let client = s3Clients.get(region);
    if (!client) {
      client = new S3Client({ ...common, region, forcePathStyle: true });
      s3Clients.set(region, client);
    }
    return client;
  };
  const iamClient = new IAMClient({ ...common, region: 'us-east-1' });
  return {
    url: emulator.url,
    s3,
    s3Default: s3(),
    iam: () => iamClient,
    drain: () => emulator.drain(),
    async stop() {
      for (const client of s3Clients.values()) client.destroy();
      iamClient.destroy();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What an SDK call rejected with: name, message and HTTP status. */
export async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
