import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CredentialRegistry, rootKeyResolver } from './auth/credential-registry';
import { loadOrCreateRootCredentials } from './auth/credentials';
import { DEFAULT_OPTIONS, consoleLogger, type EmulatorOptions } from './config';
import { createEndpointServer } from './http/server';
import { registerIamUserKeys } from './iam/user-credentials';
import { ReplicationEngine } from './replication/engine';
import { Store } from './store/store';

export type { EmulatorOptions } from './config';

export interface EmulatorHandle {
  url: string;
  port: number;
  dataDir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Path of the AWS CLI-format credentials file. */
  credentialsFile: string;
  store: Store;
  /** Add resolvers for more access keys (IAM users). */
  credentialRegistry: CredentialRegistry;
  close(): Promise<void>;
  /** Resolves when the replication queue is empty (tests wait on it instead of sleeping). */
  drain(): Promise<void>;
}

export async function startEmulator(overrides: Partial<EmulatorOptions> = {}): Promise<EmulatorHandle> {
  const options: EmulatorOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const logger = options.logger ?? consoleLogger;
  const dataDir = path.resolve(options.dataDir);
  const override =
    options.accessKeyId && options.secretAccessKey
      ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
      : undefined;
  const root = await loadOrCreateRootCredentials(dataDir, { override });
  const store = Store.open(dataDir, { faults: options.faults });
  const replication = new ReplicationEngine({ store, logger, delayMs: options.replicationDelayMs });
  replication.start();
  const credentialRegistry = new CredentialRegistry();
  credentialRegistry.register(rootKeyResolver(root.accessKeyId, root.secretAccessKey));
  registerIamUserKeys(credentialRegistry, store);
  const server = createEndpointServer({ store, credentials: credentialRegistry, logger });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await replication.stop();
    store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    dataDir,
    credentials: { accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey },
    credentialsFile: root.file,
    store,
    credentialRegistry,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
        .then(() => replication.stop())
        .then(() => store.close());
      return closed;
    },
    drain: () => replication.drain(),
  };
}
