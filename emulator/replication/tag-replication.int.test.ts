import {
  DeleteObjectTaggingCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketReplicationCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type ReplicationRule,
  type Tag,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VersionReplicationReport } from './version-report';
import {
  adminCall,
  ALL_REPLICATION_ACTIONS,
  createBucket,
  createRole,
  replicationEndpointForSuite,
  replicationPolicy,
  replicationRule,
} from './replication.testkit';

// A small simulated delay so the PENDING that precedes each copy can be seen.
const endpoint = replicationEndpointForSuite({ replicationDelayMs: 300 });
const s3 = () => endpoint.s3;
let role: string;
let roleWithoutReplicateTags: string;

const head = (bucket: string, key: string, versionId?: string) =>
  s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
const tagsOf = async (bucket: string, key: string, versionId?: string): Promise<Tag[]> =>
  (await s3().send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: versionId }))).TagSet ?? [];
const putTags = (bucket: string, key: string, tags: Tag[], versionId?: string) =>
  s3().send(new PutObjectTaggingCommand({ Bucket: bucket, Key: key, VersionId: versionId, Tagging: { TagSet: tags } }));
const configure = (bucket: string, rules: ReplicationRule[], roleArn = role) =>
  s3().send(new PutBucketReplicationCommand({ Bucket: bucket, ReplicationConfiguration: { Role: roleArn, Rules: rules } }));
const status = async (bucket: string, key: string, versionId: string) =>
  (await adminCall<VersionReplicationReport>(endpoint, 'GET', 'status', { query: { bucket, key, versionId } })).body;
const replicaModifications = { SourceSelectionCriteria: { ReplicaModifications: { Status: 'Enabled' as const } } };

beforeAll(async () => {
  role = await createRole(endpoint, 'tags-all');
  roleWithoutReplicateTags = await createRole(endpoint, 'tags-none', {
    policy: replicationPolicy(ALL_REPLICATION_ACTIONS.filter((action) => action !== 's3:ReplicateTags')),
  });
  for (const name of ['tag-src', 'tag-dst', 'tag-deny-src', 'tag-deny-dst', 'two-a', 'two-b', 'one-a', 'one-b']) {
    await createBucket(endpoint.s3, name, { versioning: 'Enabled' });
  }
});

describe('tag changes on a replicated version', () => {
  it('PutObjectTagging and DeleteObjectTagging reach the replica; the source shows PENDING, then COMPLETED', async () => {
    await configure('tag-src', [replicationRule('all', 'tag-dst')]);
    const created = await s3().send(new PutObjectCommand({ Bucket: 'tag-src', Key: 'doc', Body: 'x', Tagging: 'stage=draft' }));
    await endpoint.emulator.drain();
    expect((await head('tag-src', 'doc', created.VersionId)).ReplicationStatus).toBe('COMPLETED');

    await putTags('tag-src', 'doc', [{ Key: 'stage', Value: 'final' }, { Key: 'owner', Value: 'ops' }], created.VersionId);
    expect((await head('tag-src', 'doc', created.VersionId)).ReplicationStatus).toBe('PENDING');
    expect(await tagsOf('tag-dst', 'doc', created.VersionId)).toEqual([{ Key: 'stage', Value: 'draft' }]);
    await endpoint.emulator.drain();
    expect((await head('tag-src', 'doc', created.VersionId)).ReplicationStatus).toBe('COMPLETED');
    expect(await tagsOf('tag-dst', 'doc', created.VersionId)).toEqual([
      { Key: 'stage', Value: 'final' },
      { Key: 'owner', Value: 'ops' },
    ]);
    const replica = await head('tag-dst', 'doc', created.VersionId);
    expect(replica.ReplicationStatus).toBe('REPLICA');
    expect(replica.VersionId).toBe(created.VersionId);

    await s3().send(new DeleteObjectTaggingCommand({ Bucket: 'tag-src', Key: 'doc' }));
    await endpoint.emulator.drain();
    expect(await tagsOf('tag-dst', 'doc', created.VersionId)).toEqual([]);
    const report = await status('tag-src', 'doc', created.VersionId as string);
    expect(report.replicationStatus).toBe('COMPLETED');
    expect(report.destinations.map((d) => [d.bucket, d.operation, d.status])).toEqual([
      ['tag-dst', 'OBJECT', 'COMPLETED'],
      ['tag-dst', 'TAGS', 'COMPLETED'],
      ['tag-dst', 'TAGS', 'COMPLETED'],
    ]);
  });

  it('changes made while one is still queued are copied once, with the last tag set', async () => {
    const created = await s3().send(new PutObjectCommand({ Bucket: 'tag-src', Key: 'busy', Body: 'x' }));
    await endpoint.emulator.drain();
    for (let i = 0; i < 5; i += 1) await putTags('tag-src', 'busy', [{ Key: 'n', Value: String(i) }]);
    await endpoint.emulator.drain();
    expect(await tagsOf('tag-dst', 'busy', created.VersionId)).toEqual([{ Key: 'n', Value: '4' }]);
    const tagTasks = (await status('tag-src', 'busy', created.VersionId as string)).destinations.filter((d) => d.operation === 'TAGS');
    expect(tagTasks.length).toBeLessThan(5);
    expect(tagTasks.every((task) => task.status === 'COMPLETED')).toBe(true);
  });

  it('without s3:ReplicateTags the tag change fails with DstPutTaggingNotPermitted; the replica keeps its tags', async () => {
    await configure('tag-deny-src', [replicationRule('all', 'tag-deny-dst')], roleWithoutReplicateTags);
    const created = await s3().send(new PutObjectCommand({ Bucket: 'tag-deny-src', Key: 'doc', Body: 'x' }));
    await endpoint.emulator.drain();
    expect((await head('tag-deny-src', 'doc', created.VersionId)).ReplicationStatus).toBe('COMPLETED');

    await putTags('tag-deny-src', 'doc', [{ Key: 'k', Value: 'v' }]);
    await endpoint.emulator.drain();
    expect((await head('tag-deny-src', 'doc', created.VersionId)).ReplicationStatus).toBe('FAILED');
    const report = await status('tag-deny-src', 'doc', created.VersionId as string);
    expect(report.failureReason).toBe('DstPutTaggingNotPermitted');
    expect(await tagsOf('tag-deny-dst', 'doc', created.VersionId)).toEqual([]);
  });

  it('a version that was never replicated queues nothing when its tags change', async () => {
    const created = await s3().send(new PutObjectCommand({ Bucket: 'tag-dst', Key: 'local', Body: 'x' }));
    await putTags('tag-dst', 'local', [{ Key: 'k', Value: 'v' }]);
    expect((await head('tag-dst', 'local', created.VersionId)).ReplicationStatus).toBeUndefined();
  });
});

describe('replica modification sync (two-way replication)', () => {
  it('with ReplicaModifications Enabled on the replica bucket\'s rule, a tag change on a replica goes back to the source', async () => {
    await configure('two-a', [replicationRule('a-to-b', 'two-b', replicaModifications)]);
    await configure('two-b', [replicationRule('b-to-a', 'two-a', replicaModifications)]);
    const created = await s3().send(new PutObjectCommand({ Bucket: 'two-a', Key: 'doc', Body: 'x', Tagging: 'v=1' }));
    await endpoint.emulator.drain();
    expect((await head('two-a', 'doc', created.VersionId)).ReplicationStatus).toBe('COMPLETED');
    expect((await head('two-b', 'doc', created.VersionId)).ReplicationStatus).toBe('REPLICA');

    await putTags('two-b', 'doc', [{ Key: 'v', Value: '2' }], created.VersionId);
    // The replica shows PENDING while its change is being replicated back, then REPLICA again.
    expect((await head('two-b', 'doc', created.VersionId)).ReplicationStatus).toBe('PENDING');
    await endpoint.emulator.drain();
    expect((await head('two-b', 'doc', created.VersionId)).ReplicationStatus).toBe('REPLICA');
    expect(await tagsOf('two-a', 'doc', created.VersionId)).toEqual([{ Key: 'v', Value: '2' }]);
    expect((await head('two-a', 'doc', created.VersionId)).ReplicationStatus).toBe('COMPLETED');
    // The synced change is not sent on again (no loop): the source has only its own object task.
    const sourceReport = await status('two-a', 'doc', created.VersionId as string);
    expect(sourceReport.destinations.map((d) => d.operation)).toEqual(['OBJECT']);

    // A change on the source still reaches the replica, which stays REPLICA.
    await putTags('two-a', 'doc', [{ Key: 'v', Value: '3' }], created.VersionId);
    await endpoint.emulator.drain();
    expect(await tagsOf('two-b', 'doc', created.VersionId)).toEqual([{ Key: 'v', Value: '3' }]);
    expect((await head('two-b', 'doc', created.VersionId)).ReplicationStatus).toBe('REPLICA');
    expect((await head('two-a', 'doc', created.VersionId)).ReplicationStatus).toBe('COMPLETED');

    // And the replica can be changed again later: it is still recognised as a replica.
    await putTags('two-b', 'doc', [{ Key: 'v', Value: '4' }], created.VersionId);
    await endpoint.emulator.drain();
    expect(await tagsOf('two-a', 'doc', created.VersionId)).toEqual([{ Key: 'v', Value: '4' }]);
    expect((await head('two-b', 'doc', created.VersionId)).ReplicationStatus).toBe('REPLICA');
  });

  it('without ReplicaModifications on the replica bucket\'s rule, a replica\'s tag change stays where it was made', async () => {
    await configure('one-a', [replicationRule('a-to-b', 'one-b')]);
    await configure('one-b', [replicationRule('b-to-a', 'one-a')]);
    const created = await s3().send(new PutObjectCommand({ Bucket: 'one-a', Key: 'doc', Body: 'x', Tagging: 'v=1' }));
    await endpoint.emulator.drain();

    await putTags('one-b', 'doc', [{ Key: 'v', Value: '2' }], created.VersionId);
    expect((await head('one-b', 'doc', created.VersionId)).ReplicationStatus).toBe('REPLICA');
    await endpoint.emulator.drain();
    expect(await tagsOf('one-a', 'doc', created.VersionId)).toEqual([{ Key: 'v', Value: '1' }]);
    expect(await tagsOf('one-b', 'doc', created.VersionId)).toEqual([{ Key: 'v', Value: '2' }]);
  });
});
