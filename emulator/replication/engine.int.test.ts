import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutObjectCommand,
  UploadPartCommand,
  type ReplicationRule,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3Failure } from '../test/harness';
import { bucketArn, createBucket, createRole, replicationEndpointForSuite, replicationRule } from './replication.testkit';

const rule = replicationRule;

describe('live replication', () => {
  const endpoint = replicationEndpointForSuite();
  let role: string;
  const s3 = () => endpoint.s3;
  const configure = (source: string, rules: ReplicationRule[]) =>
    s3().send(new PutBucketReplicationCommand({ Bucket: source, ReplicationConfiguration: { Role: role, Rules: rules } }));
  const head = (bucket: string, key: string, versionId?: string) =>
    s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  const put = (bucket: string, key: string, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) =>
    s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `body of ${key}`, ...extra }));

  beforeAll(async () => {
    role = await createRole(endpoint, 'replication-all');
    for (const name of ['live-src', 'live-dst', 'live-src2', 'live-dst2', 'live-dst3', 'live-v1-src', 'live-v1-dst']) {
      await createBucket(endpoint.s3, name, { versioning: 'Enabled', region: name === 'live-dst2' ? 'eu-west-1' : 'us-east-1' });
    }
  });

  it('leaves versions created before the rule alone, and replicates later ones with the same version id', async () => {
    const before = await put('live-src', 'before.txt');
    await configure('live-src', [rule('all', 'live-dst', { Destination: { Bucket: bucketArn('live-dst'), StorageClass: 'STANDARD_IA' } })]);
    const created = await put('live-src', 'docs/a.txt', {
      ContentType: 'text/plain',
      ContentLanguage: 'en',
      CacheControl: 'max-age=60',
      ContentDisposition: 'inline',
      Metadata: { colour: 'blue' },
      Tagging: 'team=storage',
    });
    await endpoint.emulator.drain();

    expect((await head('live-src', 'before.txt', before.VersionId)).ReplicationStatus).toBeUndefined();
    expect((await s3Failure(head('live-dst', 'before.txt'))).status).toBe(404);

    const source = await head('live-src', 'docs/a.txt', created.VersionId);
    expect(source.ReplicationStatus).toBe('COMPLETED');
    const replica = await s3().send(new GetObjectCommand({ Bucket: 'live-dst', Key: 'docs/a.txt', VersionId: created.VersionId }));
    expect(replica.ReplicationStatus).toBe('REPLICA');
    expect(replica.VersionId).toBe(created.VersionId);
    expect(replica.ETag).toBe(created.ETag);
    expect(replica.LastModified?.toISOString()).toBe(source.LastModified?.toISOString());
    expect(replica.ContentType).toBe('text/plain');
    expect(replica.ContentLanguage).toBe('en');
    expect(replica.CacheControl).toBe('max-age=60');
    expect(replica.ContentDisposition).toBe('inline');
    expect(replica.Metadata).toEqual({ colour: 'blue' });
    expect(replica.StorageClass).toBe('STANDARD_IA');
    expect(await replica.Body?.transformToString()).toBe('body of docs/a.txt');
    const tags = await s3().send(new GetObjectTaggingCommand({ Bucket: 'live-dst', Key: 'docs/a.txt' }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'storage' }]);
  });

  it('replicates CopyObject results and keeps a multipart ETag', async () => {
    const copied = await s3().send(
      new CopyObjectCommand({ Bucket: 'live-src', Key: 'copy.txt', CopySource: 'live-src/docs/a.txt' }),
    );
    const upload = await s3().send(new CreateMultipartUploadCommand({ Bucket: 'live-src', Key: 'big.bin' }));
    const part1 = await s3().send(
      new UploadPartCommand({ Bucket: 'live-src', Key: 'big.bin', UploadId: upload.UploadId, PartNumber: 1, Body: Buffer.alloc(5 * 1024 * 1024, 1) }),
    );
    const part2 = await s3().send(
      new UploadPartCommand({ Bucket: 'live-src', Key: 'big.bin', UploadId: upload.UploadId, PartNumber: 2, Body: Buffer.from('tail') }),
    );
    const completed = await s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: 'live-src',
        Key: 'big.bin',
        UploadId: upload.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part1.ETag }, { PartNumber: 2, ETag: part2.ETag }] },
      }),
    );
    await endpoint.emulator.drain();
    expect(completed.ETag).toMatch(/-2"$/);
    const replica = await head('live-dst', 'big.bin', completed.VersionId);
    expect(replica).toMatchObject({ ReplicationStatus: 'REPLICA', ETag: completed.ETag, ContentLength: 5 * 1024 * 1024 + 4 });
    expect((await head('live-src', 'big.bin')).ReplicationStatus).toBe('COMPLETED');
    expect((await head('live-dst', 'copy.txt', copied.VersionId)).ReplicationStatus).toBe('REPLICA');
  });

  it('does not replicate delete markers under V2 unless DeleteMarkerReplication is Enabled, nor version deletes', async () => {
    const marker = await s3().send(new DeleteObjectCommand({ Bucket: 'live-src', Key: 'docs/a.txt' }));
    await endpoint.emulator.drain();
    expect(marker.DeleteMarker).toBe(true);
    expect((await head('live-dst', 'docs/a.txt')).ReplicationStatus).toBe('REPLICA');

    const version = await put('live-src', 'kept.txt');
    await endpoint.emulator.drain();
    await s3().send(new DeleteObjectCommand({ Bucket: 'live-src', Key: 'kept.txt', VersionId: version.VersionId }));
    await endpoint.emulator.drain();
    expect((await head('live-dst', 'kept.txt', version.VersionId)).VersionId).toBe(version.VersionId);
  });

  it('replicates delete markers (same version id) when V2 DeleteMarkerReplication is Enabled', async () => {
    await configure('live-src', [rule('all', 'live-dst', { DeleteMarkerReplication: { Status: 'Enabled' } })]);
    await put('live-src', 'gone.txt');
    const marker = await s3().send(new DeleteObjectCommand({ Bucket: 'live-src', Key: 'gone.txt' }));
    await endpoint.emulator.drain();
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: 'live-dst', Prefix: 'gone.txt' }));
    expect(versions.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([[marker.VersionId, true]]);
    const failure = await s3Failure(head('live-dst', 'gone.txt'));
    expect(failure.status).toBe(404);
  });

  it('replicates user delete markers under V1', async () => {
    await configure('live-v1-src', [{ ID: 'v1', Prefix: '', Status: 'Enabled', Destination: { Bucket: bucketArn('live-v1-dst') } }]);
    await put('live-v1-src', 'x.txt');
    const marker = await s3().send(new DeleteObjectCommand({ Bucket: 'live-v1-src', Key: 'x.txt' }));
    await endpoint.emulator.drain();
    const versions = await s3().send(new ListObjectVersionsCommand({ Bucket: 'live-v1-dst' }));
    expect(versions.DeleteMarkers?.map((m) => m.VersionId)).toEqual([marker.VersionId]);
    expect(versions.Versions?.length).toBe(1);
  });

  it('skips filter mismatches, disabled rules, KMS objects without opt-in and GLACIER objects (no status header)', async () => {
    await configure('live-src', [
      rule('docs', 'live-dst', { Filter: { Prefix: 'docs/' } }),
      rule('tagged', 'live-dst3', { Priority: 2, Filter: { Tag: { Key: 'replicate', Value: 'yes' } } }),
      rule('off', 'live-dst2', { Priority: 3, Status: 'Disabled' }),
    ]);
    const outside = await put('live-src', 'other/x.txt');
    const untagged = await put('live-src', 'docs/untagged.txt');
    const kms = await put('live-src', 'docs/kms.txt', { ServerSideEncryption: 'aws:kms' });
    const glacier = await put('live-src', 'docs/cold.txt', { StorageClass: 'GLACIER' });
    const tagged = await put('live-src', 'other/tagged.txt', { Tagging: 'replicate=yes' });
    await endpoint.emulator.drain();

    expect((await head('live-src', 'other/x.txt', outside.VersionId)).ReplicationStatus).toBeUndefined();
    expect((await head('live-src', 'docs/kms.txt', kms.VersionId)).ReplicationStatus).toBeUndefined();
    expect((await head('live-src', 'docs/cold.txt', glacier.VersionId)).ReplicationStatus).toBeUndefined();
    expect((await head('live-src', 'docs/untagged.txt', untagged.VersionId)).ReplicationStatus).toBe('COMPLETED');
    expect((await head('live-src', 'other/tagged.txt', tagged.VersionId)).ReplicationStatus).toBe('COMPLETED');
    expect((await head('live-dst3', 'other/tagged.txt')).ReplicationStatus).toBe('REPLICA');
    expect((await s3Failure(head('live-dst2', 'docs/untagged.txt'))).status).toBe(404);
    expect((await s3Failure(head('live-dst', 'docs/kms.txt'))).status).toBe(404);
    expect((await s3Failure(head('live-dst', 'docs/cold.txt'))).status).toBe(404);
  });

  it('replicates KMS objects when SseKmsEncryptedObjects is Enabled', async () => {
    await configure('live-src', [
      rule('kms', 'live-dst', {
        SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
        Destination: { Bucket: bucketArn('live-dst'), EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:us-east-1:000000000000:key/k' } },
      }),
    ]);
    const kms = await put('live-src', 'secret.txt', { ServerSideEncryption: 'aws:kms' });
    await endpoint.emulator.drain();
    expect((await head('live-src', 'secret.txt', kms.VersionId)).ReplicationStatus).toBe('COMPLETED');
    expect((await head('live-dst', 'secret.txt', kms.VersionId)).ServerSideEncryption).toBe('aws:kms');
  });

  it('re-encrypts SSE-KMS replicas with ReplicaKmsKeyID; SSE-S3 replicas stay SSE-S3', async () => {
    const sourceKey = 'arn:aws:kms:us-east-1:000000000000:key/source-key';
    const replicaKey = 'arn:aws:kms:us-east-1:000000000000:key/replica-key';
    await configure('live-src', [
      rule('kms', 'live-dst', {
        SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
        Destination: { Bucket: bucketArn('live-dst'), EncryptionConfiguration: { ReplicaKmsKeyID: replicaKey } },
      }),
    ]);
    const kms = await put('live-src', 'kms-key.txt', { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: sourceKey });
    const dsse = await put('live-src', 'dsse-key.txt', { ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: sourceKey });
    const sseS3 = await put('live-src', 'sse-s3.txt', { ServerSideEncryption: 'AES256' });
    await endpoint.emulator.drain();

    const source = await head('live-src', 'kms-key.txt', kms.VersionId);
    expect(source.ReplicationStatus).toBe('COMPLETED');
    expect(source.SSEKMSKeyId).toBe(sourceKey);
    const replica = await head('live-dst', 'kms-key.txt', kms.VersionId);
    expect(replica.ReplicationStatus).toBe('REPLICA');
    expect(replica.ServerSideEncryption).toBe('aws:kms');
    expect(replica.SSEKMSKeyId).toBe(replicaKey);
    const dsseReplica = await head('live-dst', 'dsse-key.txt', dsse.VersionId);
    expect(dsseReplica.ServerSideEncryption).toBe('aws:kms:dsse');
    expect(dsseReplica.SSEKMSKeyId).toBe(replicaKey);
    const sseS3Replica = await head('live-dst', 'sse-s3.txt', sseS3.VersionId);
    expect(sseS3Replica.ServerSideEncryption).toBe('AES256');
    expect(sseS3Replica.SSEKMSKeyId).toBeUndefined();
  });

  it('sends one version to several destinations, and uses the highest priority among rules for one destination', async () => {
    await configure('live-src2', [
      rule('low', 'live-dst', { Priority: 1, Filter: { Prefix: 'star' }, Destination: { Bucket: bucketArn('live-dst'), StorageClass: 'ONEZONE_IA' } }),
      rule('high', 'live-dst', { Priority: 2, Filter: { Prefix: 'starship' }, Destination: { Bucket: bucketArn('live-dst'), StorageClass: 'STANDARD_IA' } }),
      rule('eu', 'live-dst2', { Priority: 3, Filter: { Prefix: 'star' } }),
    ]);
    const ship = await put('live-src2', 'starship-x');
    const star = await put('live-src2', 'star-y');
    await endpoint.emulator.drain();
    expect((await head('live-dst', 'starship-x', ship.VersionId)).StorageClass).toBe('STANDARD_IA');
    expect((await head('live-dst', 'star-y', star.VersionId)).StorageClass).toBe('ONEZONE_IA');
    expect((await head('live-dst2', 'starship-x', ship.VersionId)).ReplicationStatus).toBe('REPLICA');
    expect((await head('live-src2', 'starship-x')).ReplicationStatus).toBe('COMPLETED');
  });

  it('does not replicate replicas again (no chaining)', async () => {
    await configure('live-dst3', [rule('chain', 'live-dst2')]);
    const original = await put('live-src', 'other/chain.txt', { Tagging: 'replicate=no' });
    await configure('live-src', [rule('to-dst3', 'live-dst3')]);
    const chained = await put('live-src', 'chain.txt');
    await endpoint.emulator.drain();
    expect(original.VersionId).toBeDefined();
    expect((await head('live-dst3', 'chain.txt', chained.VersionId)).ReplicationStatus).toBe('REPLICA');
    expect((await s3Failure(head('live-dst2', 'chain.txt'))).status).toBe(404);
  });

  it('keeps versions in order on the destination when one key is written many times', async () => {
    await configure('live-src', [rule('all', 'live-dst')]);
    const versions: string[] = [];
    for (let i = 0; i < 10; i += 1) versions.push((await put('live-src', 'many.txt', { Body: `v${i}` })).VersionId as string);
    await endpoint.emulator.drain();
    const listed = await s3().send(new ListObjectVersionsCommand({ Bucket: 'live-dst', Prefix: 'many.txt' }));
    expect(listed.Versions?.map((v) => v.VersionId)).toEqual([...versions].reverse());
    const latest = await s3().send(new GetObjectCommand({ Bucket: 'live-dst', Key: 'many.txt' }));
    expect(await latest.Body?.transformToString()).toBe('v9');
  });
});
