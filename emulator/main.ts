import { ConfigError, optionsFromEnv } from './config';
import { startEmulator } from './index';

async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const emulator = await startEmulator(options);
  console.log(`S3 endpoint listening on ${emulator.url}`);
  console.log(`Data directory: ${emulator.dataDir}`);
  console.log(`Root credentials: ${emulator.credentialsFile} ([default] profile)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
