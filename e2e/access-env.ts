import { E2E_CREDENTIALS, E2E_EMULATOR_URL } from './e2e-env';

/**
 * A second console on the same build and the same endpoint, with CONSOLE_PASSWORD set, for e2e/access.spec.ts.
 * It starts in about a second (SKIP_BUILD=1: the first web server has just built the console).
 */
const port = Number(process.env.E2E_PROTECTED_PORT ?? 3109);
export const PROTECTED_CONSOLE_URL = `http://127.0.0.1:${port}`;
export const PROTECTED_CONSOLE_PASSWORD = 'e2e-console-password-not-real';

export const protectedConsoleServer = {
  command: 'node scripts/start.mjs',
  url: `${PROTECTED_CONSOLE_URL}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
  env: {
    SKIP_BUILD: '1',
    CONSOLE_BACKEND: 'embedded',
    HOSTNAME: '127.0.0.1',
    PORT: String(port),
    EMULATOR_URL: E2E_EMULATOR_URL,
    EMULATOR_ACCESS_KEY_ID: E2E_CREDENTIALS.accessKeyId,
    EMULATOR_SECRET_ACCESS_KEY: E2E_CREDENTIALS.secretAccessKey,
    CONSOLE_PASSWORD: PROTECTED_CONSOLE_PASSWORD,
    NEXT_TELEMETRY_DISABLED: '1',
  },
};
