import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from '@/emulator/index';

vi.mock('server-only', () => ({}));

// The console reads its environment once, so the endpoint is started before the console modules load.
const dataDir = await mkdtemp(path.join(tmpdir(), 's3rc-console-int-'));
let emulator: EmulatorHandle;
const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir, logger: quietLogger });
  process.env.CONSOLE_BACKEND = 'embedded';
  process.env.EMULATOR_URL = emulator.url;
  // No key in the environment: the console must find it in the file the endpoint wrote.
  process.env.EMULATOR_DATA_DIR = dataDir;
  delete process.env.EMULATOR_ACCESS_KEY_ID;
  delete process.env.EMULATOR_SECRET_ACCESS_KEY;
});

afterAll(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('console against the embedded endpoint', () => {
  it('describes the backend without secrets', async () => {
    const { describeBackend } = await import('./backend');
    const backend = await describeBackend();
    expect(backend).toEqual({ kind: 'embedded', endpointUrl: emulator.url, region: 'us-east-1' });
    expect(JSON.stringify(backend)).not.toContain(emulator.credentials.secretAccessKey);
  });

  it('reads the root key from <data dir>/credentials', async () => {
    const { embeddedCredentials } = await import('./embedded-credentials');
    await expect(embeddedCredentials()).resolves.toEqual(emulator.credentials);
  });

  it('lists buckets with their regions and versioning states, in name order', async () => {
    const { s3Client } = await import('./clients');
    const { listBucketSummaries } = await import('./bucket-summaries');
    await s3Client('us-east-2').send(
      new CreateBucketCommand({ Bucket: 'jtpbucket', CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }),
    );
    await s3Client('ap-south-1').send(
      new CreateBucketCommand({ Bucket: 'jtp1bucket', CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }),
    );
    await s3Client().send(new CreateBucketCommand({ Bucket: 'plain-bucket' }));
    await s3Client('us-east-2').send(
      new PutBucketVersioningCommand({ Bucket: 'jtpbucket', VersioningConfiguration: { Status: 'Enabled' } }),
    );
    await s3Client('ap-south-1').send(
      new PutBucketVersioningCommand({ Bucket: 'jtp1bucket', VersioningConfiguration: { Status: 'Suspended' } }),
    );

    const summaries = await listBucketSummaries();

    expect(summaries.map(({ name, region, versioning }) => ({ name, region, versioning }))).toEqual([
      { name: 'jtp1bucket', region: 'ap-south-1', versioning: 'Suspended' },
      { name: 'jtpbucket', region: 'us-east-2', versioning: 'Enabled' },
      { name: 'plain-bucket', region: 'us-east-1', versioning: 'NeverEnabled' },
    ]);
    for (const summary of summaries) expect(Date.parse(summary.creationDate ?? '')).not.toBeNaN();
  });

  it('answers the health check', async () => {
    const { embeddedHealth } = await import('./embedded-admin');
    await expect(embeddedHealth()).resolves.toEqual({ reachable: true });
  });

  it('signs admin requests so the endpoint accepts them, where an unsigned one is refused', async () => {
    const { embeddedAdminJson } = await import('./embedded-admin');
    const metrics = await embeddedAdminJson('/_emulator/replication/metrics?bucket=jtpbucket', (json) =>
      json as { bucket: string; rules: unknown[] },
    );
    expect(metrics.bucket).toBe('jtpbucket');
    expect(metrics.rules).toEqual([]);

    const unsigned = await fetch(`${emulator.url}/_emulator/replication/metrics?bucket=jtpbucket`);
    expect(unsigned.status).toBe(403);
  });

  it('turns an admin error answer into EmbeddedAdminError with its code', async () => {
    const { embeddedAdminJson, EmbeddedAdminError } = await import('./embedded-admin');
    const failure = await embeddedAdminJson('/_emulator/replication/metrics?bucket=no-such-bucket', (json) => json).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EmbeddedAdminError);
    expect(failure).toMatchObject({ status: 404, code: 'NoSuchBucket' });
  });

  it('maps a route failure to JSON with the S3 error code and status', async () => {
    const { jsonRoute } = await import('./route-handler');
    const { s3Client } = await import('./clients');
    const { GetBucketVersioningCommand } = await import('@aws-sdk/client-s3');
    const handler = jsonRoute(async () => s3Client().send(new GetBucketVersioningCommand({ Bucket: 'no-such-bucket' })));
    const response = await handler(new Request('http://console.test/api/x'), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NoSuchBucket', message: expect.any(String) } });
  });
});
