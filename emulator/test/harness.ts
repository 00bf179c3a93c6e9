import { S3Client } from '@aws-sdk/client-s3';
import type { EmulatorHandle } from '../index';
import { startEndpoint, type TestEndpoint } from '../testing/endpoint.testkit';

export { recordingLogger, type TestEndpoint } from '../testing/endpoint.testkit';

export function s3ClientFor(emulator: EmulatorHandle, region = 'us-east-1'): S3Client {
  return new S3Client({
    endpoint: emulator.url,
    region,
    forcePathStyle: true,
    credentials: emulator.credentials,
  });
}

/** An endpoint in `dataDir` (default: a new temporary directory); see testing/endpoint.testkit.ts. */
export function startTestEndpoint(dataDir?: string): Promise<TestEndpoint> {
  return startEndpoint({ dataDir });
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
