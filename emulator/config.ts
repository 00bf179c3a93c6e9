import type { Logger } from './http/types';
import type { StorageFaults } from './store/storage-faults';

export interface EmulatorOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** One simulated replication delay for every region pair (used by the replication engine). */
  replicationDelayMs?: number;
  logger?: Logger;
  /** Test seam: simulated storage faults (reliability tests); never set from the environment. */
  faults?: StorageFaults;
}

export const DEFAULT_OPTIONS: EmulatorOptions = { host: '127.0.0.1', port: 4510, dataDir: '.data' };

export class ConfigError extends Error {}

function parsePort(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new ConfigError(`${name} must be a port number (0-65535), got "${value}"`);
  return Number(value);
}

/** Options from EMULATOR_* environment variables (unset ones are left out). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<EmulatorOptions> {
  const options: Partial<EmulatorOptions> = {};
  if (env.EMULATOR_HOST) options.host = env.EMULATOR_HOST;
  if (env.EMULATOR_PORT) options.port = parsePort('EMULATOR_PORT', env.EMULATOR_PORT);
  if (env.EMULATOR_DATA_DIR) options.dataDir = env.EMULATOR_DATA_DIR;
  const keyId = env.EMULATOR_ACCESS_KEY_ID;
  const secret = env.EMULATOR_SECRET_ACCESS_KEY;
  if (Boolean(keyId) !== Boolean(secret)) {
    throw new ConfigError('EMULATOR_ACCESS_KEY_ID and EMULATOR_SECRET_ACCESS_KEY must be set together');
  }
  if (keyId && secret) {
    options.accessKeyId = keyId;
    options.secretAccessKey = secret;
  }
  if (env.EMULATOR_REPLICATION_DELAY_MS) {
    const delay = env.EMULATOR_REPLICATION_DELAY_MS;
    if (!/^\d+$/.test(delay)) throw new ConfigError(`EMULATOR_REPLICATION_DELAY_MS must be a whole number of milliseconds, got "${delay}"`);
    options.replicationDelayMs = Number(delay);
  }
  return options;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(message, fields ?? ''),
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};
