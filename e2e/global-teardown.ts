import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { E2E_DATA_DIR_PREFIX, e2eDataDir } from './e2e-env';

/** Removes the run's endpoint data directory (only ever a directory this run made under the temp dir). */
export default async function globalTeardown(): Promise<void> {
  const dir = e2eDataDir();
  if (path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith(E2E_DATA_DIR_PREFIX)) {
    await rm(dir, { recursive: true, force: true });
  }
}
