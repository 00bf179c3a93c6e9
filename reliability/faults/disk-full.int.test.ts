import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { IAMClient } from '@aws-sdk/client-iam';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '@/emulator/index';
import { diskFullError, type BlobWriteKind } from '@/emulator/store/storage-faults';
import { recordingLogger, s3ClientFor, s3Failure } from '@/emulator/test/harness';
import { createReplicationPair, putObject, replicaOf, sourceStatus, statusReport, type ReplicationPair } from './fault-scenario';

/** Which blob writes currently fail with ENOSPC. */
const full = new Set<BlobWriteKind>();

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('disk full (simulated in the blob store write path)', () => {
  let emulator: EmulatorHandle;
  let dataDir: string;
  const errors: string[] = [];
  let pair: ReplicationPair;
  const s3 = () => s3ClientFor(emulator);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'disk-full-'));
    emulator = await startEmulator({
      port: 0,
      dataDir,
      logger: recordingLogger(errors),
      replicationDelayMs: 0,
      faults: { blobWriteError: (kind) => (full.has(kind) ? diskFullError() : undefined) },
    });
    const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.credentials });
    pair = await createReplicationPair(s3(), iam, 'disk');
    iam.destroy();
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a replication PENDING and retrying while the replica cannot be written, then completes it', async () => {
    const client = s3();
    // The replica (a hard link, else a copy) cannot be written; the source version was stored just before.
    full.add('duplicate');
    const version = await putObject(client, pair.source, 'pending', 'waits for space');
    full.add('write');
    const retrying = await until(
      () => statusReport(emulator, pair.source, 'pending', version),
      (report) => (report.destinations[0]?.attempts ?? 0) >= 2,
    );
    // NOTE: a full disk is temporary: S3 keeps such a version PENDING and retries; the engine does the same
    // (with backoff, FAILED/InternalError only after its bounded attempts).
    expect(retrying).toMatchObject({ replicationStatus: 'PENDING', failureReason: null });
    expect(retrying.destinations[0]).toMatchObject({ status: 'PENDING', failureReason: null });
    expect(retrying.destinations[0].detail).toContain('ENOSPC');
    expect(await sourceStatus(client, pair.source, 'pending', version)).toBe('PENDING');

    full.clear();
    await until(
      () => sourceStatus(client, pair.source, 'pending', version),
      (status) => status === 'COMPLETED',
    );
    expect(await replicaOf(client, pair.destination, 'pending', version)).toEqual({ status: 'REPLICA', body: 'waits for space' });
  });

  it('refuses a PUT with InternalError while the disk is full, leaves no temp file, serves reads, recovers', async () => {
    const client = s3();
    const kept = await putObject(client, pair.source, 'kept', 'stored before');
    await emulator.drain();
    full.add('write');
    const refused = await s3Failure(client.send(new PutObjectCommand({ Bucket: pair.source, Key: 'refused', Body: Buffer.alloc(200_000, 1) })));
    expect([refused.name, refused.status]).toEqual(['InternalError', 500]);
    expect(readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
    expect(errors.some((line) => line.includes('ENOSPC'))).toBe(true);
    const read = await client.send(new GetObjectCommand({ Bucket: pair.source, Key: 'kept', VersionId: kept }));
    expect(await read.Body?.transformToString()).toBe('stored before');
    expect((await fetch(`${emulator.url}/_emulator/health`)).status).toBe(200);
    expect((await s3Failure(client.send(new GetObjectCommand({ Bucket: pair.source, Key: 'refused' })))).status).toBe(404);

    full.clear();
    const after = await putObject(client, pair.source, 'after', 'space again');
    await emulator.drain();
    expect(await sourceStatus(client, pair.source, 'after', after)).toBe('COMPLETED');
    expect(await replicaOf(client, pair.destination, 'after', after)).toEqual({ status: 'REPLICA', body: 'space again' });
  });
});
