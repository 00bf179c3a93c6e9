import { DeleteObjectCommand, GetObjectCommand, ListObjectVersionsCommand, PutBucketReplicationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCall, createBucket, createRole, replicationEndpointForSuite, replicationRule } from './replication.testkit';

/**
 * Batch Replication writes a replica of an older version after the destination already holds a newer one; the
 * destination must still list the key's versions newest first and keep the newer one current.
 */
describe('ListObjectVersions on a destination that received an older version late', () => {
  const endpoint = replicationEndpointForSuite();
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    const role = await createRole(endpoint, 'late-role');
    for (const name of ['late-src', 'late-dst']) await createBucket(endpoint.s3, name, { versioning: 'Enabled' });
    v1 = (await endpoint.s3.send(new PutObjectCommand({ Bucket: 'late-src', Key: 'doc', Body: 'v1' }))).VersionId as string;
    await endpoint.s3.send(
      new PutBucketReplicationCommand({
        Bucket: 'late-src',
        ReplicationConfiguration: { Role: role, Rules: [replicationRule('all', 'late-dst')] },
      }),
    );
    v2 = (await endpoint.s3.send(new PutObjectCommand({ Bucket: 'late-src', Key: 'doc', Body: 'v2' }))).VersionId as string;
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'late-src', Key: 'next', Body: 'n' }));
    await endpoint.emulator.drain();

    const answer = await adminCall<{ results: { queued: boolean }[] }>(endpoint, 'POST', 'replicate', {
      body: { bucket: 'late-src', key: 'doc', versionId: v1 },
    });
    expect(answer.body.results).toEqual([expect.objectContaining({ queued: true })]);
    await endpoint.emulator.drain();
  });

  const versionsOf = async (input: { MaxKeys?: number; KeyMarker?: string; VersionIdMarker?: string } = {}) =>
    endpoint.s3.send(new ListObjectVersionsCommand({ Bucket: 'late-dst', Prefix: 'doc', ...input }));

  it('lists v2 then v1, with v2 the latest and the current object', async () => {
    const listing = await versionsOf();
    expect(listing.Versions?.map((version) => [version.VersionId, version.IsLatest])).toEqual([
      [v2, true],
      [v1, false],
    ]);
    const [newest, oldest] = listing.Versions ?? [];
    expect((newest?.LastModified as Date) >= (oldest?.LastModified as Date)).toBe(true);
    const current = await endpoint.s3.send(new GetObjectCommand({ Bucket: 'late-dst', Key: 'doc' }));
    expect(current.VersionId).toBe(v2);
    expect(await current.Body?.transformToString()).toBe('v2');
  });

  it('pages across the pair with key and version-id markers', async () => {
    const first = await endpoint.s3.send(new ListObjectVersionsCommand({ Bucket: 'late-dst', MaxKeys: 1 }));
    expect(first.Versions?.map((version) => version.VersionId)).toEqual([v2]);
    expect(first).toMatchObject({ IsTruncated: true, NextKeyMarker: 'doc', NextVersionIdMarker: v2 });
    const second = await endpoint.s3.send(
      new ListObjectVersionsCommand({ Bucket: 'late-dst', MaxKeys: 1, KeyMarker: 'doc', VersionIdMarker: v2 }),
    );
    expect(second.Versions?.map((version) => [version.VersionId, version.IsLatest])).toEqual([[v1, false]]);
    expect(second.IsTruncated).toBe(true);
    const third = await endpoint.s3.send(
      new ListObjectVersionsCommand({ Bucket: 'late-dst', MaxKeys: 1, KeyMarker: 'doc', VersionIdMarker: v1 }),
    );
    expect(third.Versions?.map((version) => [version.Key, version.IsLatest])).toEqual([['next', true]]);
    expect(third.IsTruncated).toBe(false);
  });

  it('makes v1 latest once v2 is permanently deleted', async () => {
    await endpoint.s3.send(new DeleteObjectCommand({ Bucket: 'late-dst', Key: 'doc', VersionId: v2 }));
    const listing = await versionsOf();
    expect(listing.Versions?.map((version) => [version.VersionId, version.IsLatest])).toEqual([[v1, true]]);
  });
});
