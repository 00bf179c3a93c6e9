import { S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../index';
import type { Logger } from '../http/types';

export interface TestEndpoint {
  emulator: EmulatorHandle;
  s3: S3Client;
  dataDir: string;
  errors: string[];
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** A logger that records errors so tests can assert nothing unexpected happened. */
export function recordingLogger(errors: string[]): Logger {
  return {
    info: () => undefined,
    warn: () => undefined,
    error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields ?? {})}`),
  };
}

export function s3ClientFor(emulator: EmulatorHandle, region = 'us-east-1'): S3Client {
  return new S3Client({
    endpoint: emulator.url,
    region,
    forcePathStyle: true,
    credentials: emulator.credentials,
  });
}

export async function startTestEndpoint(dataDir?: string): Promise<TestEndpoint> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 's3-emulator-'));
  const errors: string[] = [];
  const emulator = await startEmulator({ port: 0, dataDir: dir, logger: recordingLogger(errors) });
  const s3 = s3ClientFor(emulator);
  return {
    emulator,
    s3,
    dataDir: dir,
    errors,
    async stop(options = {}) {
      s3.destroy();
      await emulator.close();
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The error an SDK call rejects with, with name, message and HTTP status. */
export async function s3Failure(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined; error: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, error: e as unknown as Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}
