import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { IAMClient } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../index';
import { recordingLogger, s3ClientFor } from '../test/harness';

/** Shared set-up of the replication integration tests: an endpoint with a chosen replication delay. */
export interface ReplicationTestEndpoint {
  emulator: EmulatorHandle;
  s3: S3Client;
  iam: IAMClient;
  dataDir: string;
  errors: string[];
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startReplicationEndpoint(
  options: { dataDir?: string; replicationDelayMs?: number } = {},
): Promise<ReplicationTestEndpoint> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 's3-replication-'));
  const errors: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    logger: recordingLogger(errors),
    replicationDelayMs: options.replicationDelayMs ?? 0,
  });
  const s3 = s3ClientFor(emulator);
  const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.credentials });
  return {
    emulator,
    s3,
    iam,
    dataDir,
    errors,
    async stop(stopOptions = {}) {
      s3.destroy();
      iam.destroy();
      await emulator.close();
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createBucket(
  s3: S3Client,
  name: string,
  options: { versioning?: 'Enabled' | 'Suspended'; region?: string } = {},
): Promise<void> {
  const region = options.region ?? 'us-east-1';
  await s3.send(
    new CreateBucketCommand({
      Bucket: name,
      CreateBucketConfiguration: region === 'us-east-1' ? undefined : { LocationConstraint: region as 'eu-west-1' },
    }),
  );
  if (options.versioning) {
    await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: options.versioning } }));
  }
}

export const bucketArn = (name: string) => `arn:aws:s3:::${name}`;
