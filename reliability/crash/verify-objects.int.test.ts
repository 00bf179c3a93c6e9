import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { IAMClient } from '@aws-sdk/client-iam';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEndpoint, type TestEndpoint } from '@/emulator/test/harness';
import { Ledger, type KeyState } from './ledger';
import { setUpReplication } from './setup';
import { verifyObjects } from './verify-objects';

const BUCKETS = { source: 'verify-source', destination: 'verify-destination' };
const stateOf = (body: string): KeyState => ({ kind: 'object', sha256: createHash('sha256').update(body).digest('hex'), size: body.length });

/** The checker must be able to fail: each kind of damage is counted. */
describe('verifyObjects', () => {
  let endpoint: TestEndpoint;
  const ledger = new Ledger();
  const check = () =>
    verifyObjects({ url: endpoint.emulator.url, credentials: endpoint.emulator.credentials }, endpoint.s3, ledger, BUCKETS);
  const put = async (key: string, body: string) => {
    const answer = await endpoint.s3.send(new PutObjectCommand({ Bucket: BUCKETS.source, Key: key, Body: body }));
    ledger.record({ key, kind: 'put', state: stateOf(body), outcome: 'acknowledged', versionId: answer.VersionId });
    return answer.VersionId as string;
  };

  beforeAll(async () => {
    endpoint = await startTestEndpoint();
    const iam = new IAMClient({ endpoint: endpoint.emulator.url, region: 'us-east-1', credentials: endpoint.emulator.credentials });
    await setUpReplication(endpoint.s3, iam, BUCKETS);
    iam.destroy();
  });
  afterAll(() => endpoint.stop());

  it('finds nothing wrong with an undamaged endpoint', async () => {
    await put('a', 'first');
    await put('a', 'second');
    await put('b', 'other');
    await endpoint.emulator.drain();
    expect(await check()).toMatchObject({ lost: 0, torn: 0, replicasMissing: 0, duplicateReplicas: 0, sourceVersions: 3, problems: [] });
  });

  it('counts a lost acknowledgement, damaged bytes, a missing replica and a stray replica', async () => {
    ledger.record({ key: 'ghost', kind: 'put', state: stateOf('boo'), outcome: 'acknowledged', versionId: 'never-stored' });
    // Large enough to be a blob file rather than an inline blob in the database.
    const damaged = await put('c', 'pristine'.repeat(4096));
    await endpoint.emulator.drain();
    const row = endpoint.emulator.store.objects.find(BUCKETS.source, 'c', damaged);
    writeFileSync(endpoint.emulator.store.blobs.pathOf(row?.blobId as string), 'PRISTINE'.repeat(4096));
    await endpoint.s3.send(new DeleteObjectCommand({ Bucket: BUCKETS.destination, Key: 'b', VersionId: ledger.acknowledged().find((op) => op.key === 'b')?.versionId }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: BUCKETS.destination, Key: 'stray', Body: 'x' }));

    const figures = await check();
    // ghost: absent, and so its key's current state is wrong; c: its acknowledged bytes and current state unreadable.
    expect(figures.lost).toBe(4);
    expect(figures.torn).toBe(1);
    expect(figures.replicasMissing).toBe(1);
    expect(figures.duplicateReplicas).toBe(1);
    expect(figures.problems).toEqual(
      expect.arrayContaining([expect.stringContaining('lost: put ghost'), expect.stringContaining('torn: c'), expect.stringContaining('no replica of b')]),
    );
  });
});
