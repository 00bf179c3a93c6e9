import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { replicaDeleteMarker, storeForEachTest } from '../testing/store.testkit';
import type { IncomingBody } from './objects';
import { emptyAttributes, type ObjectVersion } from './types';
import { newVersionId } from './version-ids';

const fixture = storeForEachTest((store) => {
  store.buckets.create('b', 'us-east-1', 'owner');
  store.buckets.setVersioning('b', 'Enabled');
});

function body(text: string): IncomingBody {
  return { stream: Readable.from([Buffer.from(text)]), transforms: [], digest: () => ({ md5Hex: 'd41d8cd98f00b204e9800998ecf8427e', checksum: null }) };
}

const put = (key: string, text: string) =>
  fixture.store.objects.put('b', key, body(text), { attributes: emptyAttributes(), ownerId: 'owner' });

/** A replica as the replication engine writes it: a given version id and last-modified. */
const putReplica = (key: string, lastModified: number, versionId = newVersionId()) =>
  fixture.store.objects.putReplicaVersion('b', replicaDeleteMarker(key, versionId, lastModified));

const listed = (query: { maxKeys?: number; keyMarker?: string; versionIdMarker?: string } = {}) => {
  const page = fixture.store.listing.versions('b', { prefix: '', delimiter: '', maxKeys: query.maxKeys ?? 1000, ...query });
  const rows = page.entries.flatMap((entry) => (entry.kind === 'row' ? [entry.row] : []));
  return { rows: rows.map((row) => `${row.key}:${row.versionId}:${row.isLatest ? 'latest' : ''}`), last: rows.at(-1), isTruncated: page.isTruncated };
};

const line = (version: ObjectVersion, latest: boolean) => `${version.key}:${version.versionId}:${latest ? 'latest' : ''}`;

describe('a key’s versions are ordered by last-modified, newest first, whatever the insertion order', () => {
  it('a late replica of an older version is listed after the newer one and does not become latest', async () => {
    const newer = await put('doc', 'v2');
    const older = await putReplica('doc', newer.lastModified - 60_000);
    expect(older.isLatest).toBe(false);
    expect(fixture.store.objects.find('b', 'doc')?.versionId).toBe(newer.versionId);
    expect(listed().rows).toEqual([line(newer, true), line(older, false)]);
  });

  it('a late replica of a newer version becomes latest', async () => {
    const current = await put('doc', 'v1');
    const newer = await putReplica('doc', current.lastModified + 60_000);
    expect(newer.isLatest).toBe(true);
    expect(listed().rows).toEqual([line(newer, true), line(current, false)]);
  });

  it('pages with key and version-id markers in that order, across keys', async () => {
    const v3 = await put('a', 'v3');
    const v1 = await putReplica('a', v3.lastModified - 20_000);
    const v2 = await putReplica('a', v3.lastModified - 10_000);
    const other = await put('b', 'x');
    const seen: string[] = [];
    let marker: { keyMarker?: string; versionIdMarker?: string } = {};
    for (;;) {
      const page = listed({ maxKeys: 1, ...marker });
      seen.push(...page.rows);
      if (!page.isTruncated) break;
      marker = { keyMarker: page.last?.key, versionIdMarker: page.last?.versionId };
    }
    expect(seen).toEqual([line(v3, true), line(v2, false), line(v1, false), line(other, true)]);
    expect(listed({ maxKeys: 2, keyMarker: 'a', versionIdMarker: v3.versionId }).rows).toEqual([line(v2, false), line(v1, false)]);
  });

  it('deleting the latest version makes the next newest by last-modified latest', async () => {
    const newest = await put('doc', 'v3');
    const middle = await putReplica('doc', newest.lastModified - 10_000);
    const oldest = await putReplica('doc', newest.lastModified - 20_000);
    await fixture.store.objects.delete('b', 'doc', newest.versionId, 'owner');
    expect(listed().rows).toEqual([line(middle, true), line(oldest, false)]);
  });

  it('a version written here is the latest even when the clock is behind the key’s newest version', async () => {
    const replica = await putReplica('doc', Date.now() + 3_600_000);
    const local = await put('doc', 'written after the replica');
    expect(local.isLatest).toBe(true);
    expect(local.lastModified).toBe(replica.lastModified);
    expect(listed().rows).toEqual([line(local, true), line(replica, false)]);
  });
});
