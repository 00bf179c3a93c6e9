import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser tests and the demo drive: `CHROMIUM_PATH`, else Debian's Chromium where it exists
 * (Playwright cannot download its own here), else undefined = Playwright's own browser (a developer laptop).
 */
export function chromiumExecutablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags for containers and CI machines: no sandbox (often no user namespaces), no GPU, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
