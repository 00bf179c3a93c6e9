import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutablePath } from './e2e/chromium';
import {
  E2E_CONSOLE_PORT,
  E2E_CONSOLE_URL,
  E2E_CREDENTIALS,
  E2E_EMULATOR_PORT,
  e2eDataDir,
} from './e2e/e2e-env';
import { protectedConsoleServer } from './e2e/access-env';

// The SDK's Node-version notice would fill the test output (workers inherit this).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: E2E_CONSOLE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutablePath(),
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: [
    {
      command: 'node scripts/start.mjs',
      url: `${E2E_CONSOLE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'pipe',
      stderr: 'pipe',
      // Lets start.mjs stop the endpoint cleanly instead of the whole group being killed at once.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      env: {
        CONSOLE_BACKEND: 'embedded',
        HOSTNAME: '127.0.0.1',
        PORT: String(E2E_CONSOLE_PORT),
        EMULATOR_HOST: '127.0.0.1',
        EMULATOR_PORT: String(E2E_EMULATOR_PORT),
        EMULATOR_URL: '',
        EMULATOR_DATA_DIR: e2eDataDir(),
        EMULATOR_REPLICATION_DELAY_MS: '0',
        EMULATOR_ACCESS_KEY_ID: E2E_CREDENTIALS.accessKeyId,
        EMULATOR_SECRET_ACCESS_KEY: E2E_CREDENTIALS.secretAccessKey,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
    // The same build behind CONSOLE_PASSWORD (e2e/access.spec.ts); starts once the first server is up.
    protectedConsoleServer,
  ],
});
