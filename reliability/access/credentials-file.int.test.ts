import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '@/emulator/index';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("the endpoint's root credentials file", () => {
  it('is written with mode 0600 even under a permissive umask, and stays 0600 across restarts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'credentials-mode-'));
    dirs.push(dataDir);
    const previous = process.umask(0o000);
    try {
      const first = await startEmulator({ port: 0, dataDir, logger: quiet });
      expect(modeOf(first.credentialsFile)).toBe(0o600);
      await first.close();
      const second = await startEmulator({ port: 0, dataDir, logger: quiet });
      expect(modeOf(second.credentialsFile)).toBe(0o600);
      await second.close();
    } finally {
      process.umask(previous);
    }
  });

  it('is put back to 0600 when someone loosened it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'credentials-mode-'));
    dirs.push(dataDir);
    const first = await startEmulator({ port: 0, dataDir, logger: quiet });
    await first.close();
    chmodSync(first.credentialsFile, 0o644);
    const second = await startEmulator({ port: 0, dataDir, logger: quiet });
    await second.close();
    expect(modeOf(second.credentialsFile)).toBe(0o600);
  });
});
