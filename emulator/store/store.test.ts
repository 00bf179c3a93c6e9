import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { S3Error } from '../s3/errors';
import { replicaDeleteMarker } from '../testing/store.testkit';
import type { IncomingBody } from './objects';
import { Store } from './store';
import { emptyAttributes, type ObjectVersion } from './types';

let dataDir: string;
let store: Store;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'store-test-'));
  store = Store.open(dataDir);
  store.buckets.create('src', 'us-east-1', 'owner');
  store.buckets.setVersioning('src', 'Enabled');
});
afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function body(text: string): IncomingBody {
  const md5 = createHash('md5');
  const tap = new PassThrough();
  tap.on('data', (chunk: Buffer) => md5.update(chunk));
  let digest: string | undefined;
  return {
    stream: Readable.from([Buffer.from(text)]),
    transforms: [tap],
    digest: () => ({ md5Hex: (digest ??= md5.digest('hex')), checksum: null }),
  };
}

function put(key: string, text: string): Promise<ObjectVersion> {
  return store.objects.put('src', key, body(text), { attributes: emptyAttributes(), ownerId: 'owner' });
}

function blobCount(): number {
  const root = path.join(dataDir, 'blobs');
  return readdirSync(root).flatMap((shard) => readdirSync(path.join(root, shard))).length;
}

describe('version hooks', () => {
  it('run inside the creating transaction for objects and delete markers, and can set the replication status', async () => {
    const seen: string[] = [];
    store.onVersionCreated((tx, version, bucket) => {
      seen.push(`${bucket.name}/${version.key}:${version.isDeleteMarker ? 'marker' : 'object'}`);
      expect(tx.inTransaction).toBe(true);
      tx.prepare("UPDATE object_versions SET replication_status = 'PENDING' WHERE seq = ?").run(version.seq);
      return true;
    });
    const created = await put('a', 'hello');
    expect(created.replicationStatus).toBe('PENDING');
    await store.objects.delete('src', 'a', undefined, 'owner');
    expect(seen).toEqual(['src/a:object', 'src/a:marker']);
    store.objects.setReplicationStatus(created.seq, 'FAILED', 'DstBucketNotFound');
    expect(store.objects.find('src', 'a', created.versionId)).toMatchObject({
      replicationStatus: 'FAILED',
      replicationFailureReason: 'DstBucketNotFound',
    });
  });

  it('abort the whole write when a hook throws: no version, no blob left behind', async () => {
    await put('kept', 'x');
    const blobsBefore = blobCount();
    const unregister = store.onVersionCreated(() => {
      throw new S3Error('InternalError');
    });
    await expect(put('refused', 'y')).rejects.toThrow(S3Error);
    unregister();
    expect(store.objects.find('src', 'refused')).toBeUndefined();
    expect(blobCount()).toBe(blobsBefore);
  });
});

describe('replica versions', () => {
  it('keep the given version id, last-modified and status, and share bytes with a source version', async () => {
    store.buckets.create('dst', 'eu-west-1', 'owner');
    store.buckets.setVersioning('dst', 'Enabled');
    const source = await put('doc', 'replicate me');
    const replica = await store.objects.putReplicaVersion('dst', {
      key: 'doc',
      versionId: source.versionId,
      lastModified: source.lastModified,
      isDeleteMarker: false,
      attributes: { ...emptyAttributes(), userMetadata: { a: '1' } },
      etag: source.etag,
      checksum: null,
      partsCount: null,
      ownerId: 'owner',
      replicationStatus: 'REPLICA',
      content: { fromVersion: source },
    });
    expect(replica).toMatchObject({ versionId: source.versionId, lastModified: source.lastModified, replicationStatus: 'REPLICA', size: 12 });
    const chunks: Buffer[] = [];
    for await (const chunk of store.objects.openContent(replica)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('replicate me');
    const marker = await store.objects.putReplicaVersion('dst', replicaDeleteMarker('doc', 'M'.repeat(32), Date.now()));
    expect(marker.isLatest).toBe(true);
    expect(store.objects.find('dst', 'doc')?.versionId).toBe('M'.repeat(32));
  });
});

describe('content of a removed version', () => {
  it('is NoSuchKey rather than a crash, and an open stream survives the removal', async () => {
    store.buckets.create('plain', 'us-east-1', 'owner');
    const first = await store.objects.put('plain', 'k', body('first'), { attributes: emptyAttributes(), ownerId: 'owner' });
    const open = store.objects.openContent(first);
    await store.objects.put('plain', 'k', body('second'), { attributes: emptyAttributes(), ownerId: 'owner' });
    expect(() => store.objects.openContent(first)).toThrow(S3Error);
    const chunks: Buffer[] = [];
    for await (const chunk of open) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('first');
  });
});

describe('versioning guards', () => {
  it('can refuse a versioning change', () => {
    store.buckets.onVersioningChange((bucket, next) => {
      if (next === 'Suspended') throw new S3Error('InvalidBucketState', { extra: { BucketName: bucket.name } });
    });
    expect(() => store.buckets.setVersioning('src', 'Suspended')).toThrow(S3Error);
    expect(store.buckets.require('src').versioning).toBe('Enabled');
  });
});

describe('migrations', () => {
  it('are recorded and not re-applied', () => {
    store.close();
    store = Store.open(dataDir);
    const names = store.db.prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name').all().map((r) => r.name);
    expect(names[0]).toBe('001_initial.sql');
    expect(new Set(names).size).toBe(names.length);
  });
});
