import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `npm start` checks its configuration before building or starting anything, so these runs end at once. */
function start(env: Record<string, string>) {
  const inherited = { ...process.env };
  delete inherited.CONSOLE_PASSWORD;
  delete inherited.HOSTNAME;
  return spawnSync(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...inherited, SKIP_BUILD: '1', CONSOLE_BACKEND: 'embedded', PORT: '1', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('the console binds to loopback unless a password protects it', () => {
  it.each(['0.0.0.0', '::', '192.0.2.10', 'console.example'])('refuses HOSTNAME=%s without CONSOLE_PASSWORD', (host) => {
    const run = start({ HOSTNAME: host });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`refusing to listen on HOSTNAME=${host}`);
    expect(run.stderr).toContain('Set CONSOLE_PASSWORD');
  });
});
