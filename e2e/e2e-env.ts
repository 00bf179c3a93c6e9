import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the end-to-end run's console and endpoint listen, and the endpoint's known root key. Shared by
 * playwright.config.ts (which starts them) and the fixtures (which seed data through the SDK).
 */
function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return port;
}

export const E2E_CONSOLE_PORT = portFromEnv('E2E_PORT', 3107);
export const E2E_EMULATOR_PORT = portFromEnv('E2E_EMULATOR_PORT', 4617);
export const E2E_CONSOLE_URL = `http://127.0.0.1:${E2E_CONSOLE_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
export const E2E_CREDENTIALS = {
  accessKeyId: 'AKIAE2ETESTKEY000001',
  secretAccessKey: 'e2e-secret-access-key-not-a-real-secret0',
};

const DATA_DIR_VARIABLE = 'S3RC_E2E_DATA_DIR';
export const E2E_DATA_DIR_PREFIX = 's3rc-e2e-';

/**
 * A fresh data directory for the run's endpoint. Made once by the runner process (which loads the config first)
 * and handed to workers through the environment, so every process agrees on it.
 */
export function e2eDataDir(): string {
  process.env[DATA_DIR_VARIABLE] ??= mkdtempSync(path.join(os.tmpdir(), E2E_DATA_DIR_PREFIX));
  return process.env[DATA_DIR_VARIABLE];
}
