import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '@/emulator/testing/endpoint.testkit';
import type { ListedEntry } from '../types';
import { listingPages } from './listing';

const KEYS = ['a&b', 'p/q<r>', "quote\"'", 'sp ace ', 'tab\there', 'é', 'z', '😀', '\uFF5E'];

async function allEntries(pages: AsyncIterable<readonly ListedEntry[]>): Promise<{ entries: ListedEntry[]; pages: number }> {
  const entries: ListedEntry[] = [];
  let count = 0;
  for await (const page of pages) {
    entries.push(...page);
    count += 1;
  }
  return { entries, pages: count };
}

/** The SDK's own reading of the same listing, page by page (the oracle). */
async function sdkCurrent(s3: S3Client, bucket: string): Promise<ListedEntry[]> {
  const entries: ListedEntry[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token, MaxKeys: 2 }));
    for (const object of page.Contents ?? []) {
      entries.push({ key: object.Key ?? '', size: object.Size ?? 0, etag: object.ETag, lastModified: object.LastModified?.toISOString(), storageClass: object.StorageClass });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return entries;
}

async function sdkVersionIds(s3: S3Client, bucket: string): Promise<string[]> {
  const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
  return [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((entry) => entry.VersionId ?? '').sort();
}

describe('listingPages against the embedded endpoint (pages parsed by the compare, not the SDK)', () => {
  const endpoint = endpointForSuite();

  it('reads current objects exactly as the SDK does, keys that need escaping included, across pages', async () => {
    const { s3 } = endpoint;
    await s3.send(new CreateBucketCommand({ Bucket: 'plain' }));
    for (const [i, key] of KEYS.entries()) await s3.send(new PutObjectCommand({ Bucket: 'plain', Key: key, Body: 'x'.repeat(i + 1) }));
    const { entries, pages } = await allEntries(listingPages(s3, { bucket: 'plain', mode: 'current', pageSize: 2 }));
    expect(pages).toBe(Math.ceil(KEYS.length / 2));
    expect(entries).toEqual(JSON.parse(JSON.stringify(await sdkCurrent(s3, 'plain'))));
    expect(entries.map((entry) => entry.key).sort()).toEqual([...KEYS].sort());

    const prefixed = await allEntries(listingPages(s3, { bucket: 'plain', prefix: 'p/', mode: 'current' }));
    expect(prefixed.entries.map((entry) => entry.key)).toEqual(['p/q<r>']);
  });

  it('reads every version and delete marker in S3 order, a key spanning pages', async () => {
    const { s3 } = endpoint;
    await s3.send(new CreateBucketCommand({ Bucket: 'versioned' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }));
    for (const body of ['1', '22', '333']) await s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'a&b', Body: body }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'a&b' }));
    await s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: '😀', Body: 'e' }));
    const { entries } = await allEntries(listingPages(s3, { bucket: 'versioned', mode: 'versions', pageSize: 2 }));
    expect(entries.map((entry) => [entry.key, entry.isDeleteMarker === true, entry.isLatest, entry.size])).toEqual([
      ['a&b', true, true, 0],
      ['a&b', false, false, 3],
      ['a&b', false, false, 2],
      ['a&b', false, false, 1],
      ['😀', false, true, 1],
    ]);
    expect(entries.map((entry) => entry.versionId).sort()).toEqual(await sdkVersionIds(s3, 'versioned'));
    expect(entries.filter((entry) => !entry.isDeleteMarker).every((entry) => /^"[0-9a-f]{32}"$/.test(entry.etag ?? ''))).toBe(true);
  });

  it("leaves error responses to the SDK: a missing bucket is the SDK's NoSuchBucket", async () => {
    const attempt = allEntries(listingPages(endpoint.s3, { bucket: 'no-such-bucket-here', mode: 'current' }));
    await expect(attempt).rejects.toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
    const versions = allEntries(listingPages(endpoint.s3, { bucket: 'no-such-bucket-here', mode: 'versions' }));
    await expect(versions).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});
