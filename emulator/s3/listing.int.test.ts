import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';

const t = endpointForSuite();
const KEYS = ['a.txt', 'dir/one', 'dir/sub/two', 'dir/three', 'other/x', 'space key', 'plus+key', 'z'];

beforeAll(async () => {
  await t.s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
  await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'listing', VersioningConfiguration: { Status: 'Enabled' } }));
  for (const key of KEYS) await t.s3.send(new PutObjectCommand({ Bucket: 'listing', Key: key, Body: key }));
});

async function allV2Pages(params: { Prefix?: string; Delimiter?: string; MaxKeys: number; StartAfter?: string }) {
  const keys: string[] = [];
  const prefixes: string[] = [];
  let token: string | undefined;
  do {
    const page = await t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', ...params, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((c) => c.Key as string));
    prefixes.push(...(page.CommonPrefixes ?? []).map((c) => c.Prefix as string));
    expect(page.KeyCount).toBe((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return { keys, prefixes };
}

describe('ListObjectsV2', () => {
  it('lists every key in byte order', async () => {
    const page = await t.s3.send(new ListObjectsV2Command({ Bucket: 'listing' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual([...KEYS].sort());
    expect(page.Contents?.[0]).toMatchObject({ Size: 5, StorageClass: 'STANDARD' });
    expect(page.Contents?.[0].Owner).toBeUndefined();
    const withOwner = await t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', FetchOwner: true, MaxKeys: 1 }));
    expect(withOwner.Contents?.[0].Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('groups by delimiter and pages with continuation tokens without repeating a prefix', async () => {
    for (const maxKeys of [1, 2, 3, 1000]) {
      const { keys, prefixes } = await allV2Pages({ Delimiter: '/', MaxKeys: maxKeys });
      expect(keys).toEqual(['a.txt', 'plus+key', 'space key', 'z']);
      expect(prefixes).toEqual(['dir/', 'other/']);
    }
    const nested = await allV2Pages({ Prefix: 'dir/', Delimiter: '/', MaxKeys: 1 });
    expect(nested).toEqual({ keys: ['dir/one', 'dir/three'], prefixes: ['dir/sub/'] });
  });

  it('honours start-after and url encoding', async () => {
    const after = await t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', StartAfter: 'dir/three' }));
    expect(after.Contents?.[0].Key).toBe('other/x');
    const encoded = await t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', EncodingType: 'url', Prefix: 'p' }));
    expect(encoded.Contents?.map((c) => c.Key)).toEqual(['plus%2Bkey']);
    const spaced = await t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', EncodingType: 'url', Prefix: 's' }));
    expect(spaced.Contents?.map((c) => c.Key)).toEqual(['space+key']);
  });

  it('refuses bad parameters', async () => {
    expect(await s3Failure(t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', MaxKeys: -1 })))).toMatchObject({
      name: 'InvalidArgument',
      status: 400,
    });
    expect(
      await s3Failure(t.s3.send(new ListObjectsV2Command({ Bucket: 'listing', ContinuationToken: 'garbage' }))),
    ).toMatchObject({ name: 'InvalidArgument', message: 'The continuation token provided is incorrect', status: 400 });
    expect(await s3Failure(t.s3.send(new ListObjectsV2Command({ Bucket: 'nope' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});

describe('ListObjects (v1)', () => {
  it('pages with marker and NextMarker', async () => {
    const first = await t.s3.send(new ListObjectsCommand({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2 }));
    expect(first.Contents?.map((c) => c.Key)).toEqual(['a.txt']);
    expect(first.CommonPrefixes?.map((c) => c.Prefix)).toEqual(['dir/']);
    expect(first).toMatchObject({ IsTruncated: true, NextMarker: 'dir/' });
    const second = await t.s3.send(new ListObjectsCommand({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2, Marker: first.NextMarker }));
    expect(second.CommonPrefixes?.map((c) => c.Prefix)).toEqual(['other/']);
    expect(second.Contents?.map((c) => c.Key)).toEqual(['plus+key']);
  });
});

describe('ListObjectVersions', () => {
  it('interleaves versions and delete markers, newest first, and pages by key and version markers', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'listing', Key: 'z', Body: 'z2' }));
    await t.s3.send(new DeleteObjectCommand({ Bucket: 'listing', Key: 'z' }));
    const all = await t.s3.send(new ListObjectVersionsCommand({ Bucket: 'listing', Prefix: 'z' }));
    expect(all.DeleteMarkers?.map((d) => [d.Key, d.IsLatest])).toEqual([['z', true]]);
    expect(all.Versions?.map((v) => [v.Key, v.IsLatest, v.Size])).toEqual([
      ['z', false, 2],
      ['z', false, 1],
    ]);
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await t.s3.send(
        new ListObjectVersionsCommand({ Bucket: 'listing', MaxKeys: 2, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
      );
      for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) seen.push(`${v.Key}@${v.VersionId}`);
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
    expect(seen).toHaveLength(KEYS.length + 2);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lists pre-versioning objects with version id null', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'nulls' }));
    await t.s3.send(new PutObjectCommand({ Bucket: 'nulls', Key: 'k', Body: 'x' }));
    const page = await t.s3.send(new ListObjectVersionsCommand({ Bucket: 'nulls' }));
    expect(page.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest])).toEqual([['k', 'null', true]]);
  });

  it('refuses a version-id-marker without a key-marker', async () => {
    const failure = await s3Failure(
      t.s3.send(new ListObjectVersionsCommand({ Bucket: 'listing', VersionIdMarker: 'A'.repeat(32) })),
    );
    expect(failure).toMatchObject({
      name: 'InvalidArgument',
      message: 'A version-id marker cannot be specified without a key marker.',
      status: 400,
    });
  });
});

describe('large buckets', () => {
  it('lists a page of a 100,000-object bucket quickly', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'huge' }));
    const store = t.emulator.store;
    const bucket = store.buckets.require('huge');
    const insert = store.db.prepare(
      `INSERT INTO object_versions (bucket_id, key, version_id, last_modified, size, etag, storage_class, owner_id)
       VALUES (?, ?, 'null', ?, 0, '"d41d8cd98f00b204e9800998ecf8427e"', 'STANDARD', 'o')`,
    );
    store.db.transaction(() => {
      for (let i = 0; i < 100_000; i += 1) insert.run(bucket.id, `logs/${String(i % 100).padStart(3, '0')}/${String(i).padStart(6, '0')}`, Date.now());
    })();
    const started = performance.now();
    const page = await t.s3.send(new ListObjectsV2Command({ Bucket: 'huge', Prefix: 'logs/050/', StartAfter: 'logs/050/050000' }));
    const grouped = await t.s3.send(new ListObjectsV2Command({ Bucket: 'huge', Prefix: 'logs/', Delimiter: '/' }));
    const elapsed = performance.now() - started;
    expect(page.Contents).toHaveLength(500);
    expect(grouped.CommonPrefixes).toHaveLength(100);
    expect(elapsed).toBeLessThan(1500);
  });
});
