import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Logger } from '../http/types';
import { startEmulator, type EmulatorHandle } from '../index';

/**
 * The set-up every integration test of the endpoint shares: a real endpoint on port 0 in a temporary data
 * directory, the AWS SDK's clients signed with its root key, and the teardown (clients destroyed, endpoint closed,
 * data removed, no error logged).
 */

export interface EndpointOptions {
  /** Reuse this data directory (restarts); default: a new temporary one. */
  dataDir?: string;
  /** One replication delay for every region pair (0 in replication tests); default: the region-pair table. */
  replicationDelayMs?: number;
  /** Name prefix of the temporary data directory. */
  tempPrefix?: string;
}

/** What `endpointForSuite` gives a test file. */
export interface EndpointFixture {
  emulator: EmulatorHandle;
  s3: S3Client;
  iam: IAMClient;
  sts: STSClient;
  dataDir: string;
  /** Errors the endpoint logged; the teardown of `endpointForSuite` expects none. */
  errors: string[];
}

/** An endpoint started by `startEndpoint`, which its caller stops. */
export interface TestEndpoint extends EndpointFixture {
  /** Destroys the clients, closes the endpoint and removes the data directory unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** A logger that records errors so tests can assert nothing unexpected happened. */
export function recordingLogger(errors: string[]): Logger {
  return {
    info: () => undefined,
    warn: () => undefined,
    error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields ?? {})}`),
  };
}

type Connection = Pick<EmulatorHandle, 'url' | 'credentials'>;

/** Where the clients send and how they sign: the handle itself, or (before the endpoint starts) providers of it. */
type ClientTarget = {
  endpoint: string | (() => Promise<{ url: URL }>);
  credentials: Connection['credentials'] | (() => Promise<Connection['credentials']>);
};

function clientsFor(target: ClientTarget): Pick<EndpointFixture, 's3' | 'iam' | 'sts'> {
  const common = { ...target, region: 'us-east-1' };
  return {
    s3: new S3Client({ ...common, forcePathStyle: true }),
    // One attempt: IAM/STS tests assert the first answer, never a retried one.
    iam: new IAMClient({ ...common, maxAttempts: 1 }),
    sts: new STSClient({ ...common, maxAttempts: 1 }),
  };
}

function destroyClients(clients: Pick<EndpointFixture, 's3' | 'iam' | 'sts'>): void {
  clients.s3.destroy();
  clients.iam.destroy();
  clients.sts.destroy();
}

/** Starts an endpoint now; the caller stops it. */
export async function startEndpoint(options: EndpointOptions = {}): Promise<TestEndpoint> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), options.tempPrefix ?? 's3-emulator-'));
  const errors: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    logger: recordingLogger(errors),
    replicationDelayMs: options.replicationDelayMs,
  });
  const clients = clientsFor({ endpoint: emulator.url, credentials: emulator.credentials });
  return {
    emulator,
    ...clients,
    dataDir,
    errors,
    async stop(stopOptions = {}) {
      destroyClients(clients);
      await emulator.close();
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One endpoint for the enclosing file or `describe`: started in `beforeAll`, stopped in `afterAll`, which also
 * expects that it logged no error. The clients can be taken at once (`const { s3, iam } = endpointForSuite()`); they
 * send once the endpoint has started. The other members are read in hooks and tests.
 */
export function endpointForSuite(options: EndpointOptions = {}): EndpointFixture {
  let started: TestEndpoint | undefined;
  const current = (): TestEndpoint => {
    if (!started) throw new Error('endpointForSuite(): the endpoint starts in beforeAll; use it in hooks and tests');
    return started;
  };
  const clients = clientsFor({
    endpoint: async () => ({ url: new URL(current().emulator.url) }),
    credentials: async () => current().emulator.credentials,
  });
  beforeAll(async () => {
    started = await startEndpoint(options);
  });
  afterAll(async () => {
    destroyClients(clients);
    const errors = started?.errors ?? [];
    await started?.stop();
    expect(errors).toEqual([]);
  });
  return {
    get emulator() {
      return current().emulator;
    },
    get dataDir() {
      return current().dataDir;
    },
    get errors() {
      return current().errors;
    },
    ...clients,
  };
}
