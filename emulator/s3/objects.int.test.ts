import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectTaggingCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';

const t = endpointForSuite();
beforeAll(async () => {
  await t.s3.send(new CreateBucketCommand({ Bucket: 'plain' }));
  await t.s3.send(new CreateBucketCommand({ Bucket: 'versioned' }));
  await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }));
});

const md5 = (text: string | Buffer) => createHash('md5').update(text).digest('hex');

describe('PutObject / GetObject / HeadObject', () => {
  it('stores bytes, metadata and content headers exactly', async () => {
    const put = await t.s3.send(
      new PutObjectCommand({
        Bucket: 'plain',
        Key: 'docs/version.txt',
        Body: 'hello world',
        ContentType: 'text/plain',
        ContentEncoding: 'identity',
        ContentDisposition: 'attachment; filename="v.txt"',
        ContentLanguage: 'en',
        CacheControl: 'max-age=60',
        Expires: new Date('2030-01-01T00:00:00Z'),
        Metadata: { 'Mixed-Case': 'Value With Spaces', other: '1' },
        Tagging: 'a=1&b=two%20words',
        StorageClass: 'STANDARD_IA',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/abc',
      }),
    );
    expect(put.ETag).toBe(`"${md5('hello world')}"`);
    expect(put.VersionId).toBeUndefined();
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'docs/version.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello world');
    expect(got).toMatchObject({
      ContentType: 'text/plain',
      ContentEncoding: 'identity',
      ContentDisposition: 'attachment; filename="v.txt"',
      ContentLanguage: 'en',
      CacheControl: 'max-age=60',
      ContentLength: 11,
      ETag: put.ETag,
      Metadata: { 'mixed-case': 'Value With Spaces', other: '1' },
      TagCount: 2,
      StorageClass: 'STANDARD_IA',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:us-east-1:111122223333:key/abc',
    });
    expect(got.LastModified?.getMilliseconds()).toBe(0);
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'docs/version.txt' }));
    expect(head.ContentLength).toBe(11);
    expect(head.ETag).toBe(put.ETag);
  });

  it('returns the stored checksum when asked', async () => {
    const put = await t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'sum', Body: 'checksummed', ChecksumAlgorithm: 'SHA256' }));
    expect(put.ChecksumSHA256).toBe(createHash('sha256').update('checksummed').digest('base64'));
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'sum', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumSHA256).toBe(put.ChecksumSHA256);
  });

  it('accepts a stream body (aws-chunked with a CRC32 trailer)', async () => {
    const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(5, 2)];
    await t.s3.send(
      new PutObjectCommand({ Bucket: 'plain', Key: 'streamed', Body: Readable.from(chunks), ContentLength: 70_005 }),
    );
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'streamed' }));
    const bytes = Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    expect(bytes.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('serves ranges, suffix ranges and open ranges; refuses unsatisfiable ones', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'digits', Body: '0123456789' }));
    const cases: [string, string, string][] = [
      ['bytes=2-4', '234', 'bytes 2-4/10'],
      ['bytes=7-', '789', 'bytes 7-9/10'],
      ['bytes=-3', '789', 'bytes 7-9/10'],
      ['bytes=8-100', '89', 'bytes 8-9/10'],
    ];
    for (const [range, body, contentRange] of cases) {
      const got = await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'digits', Range: range }));
      expect(got.$metadata.httpStatusCode).toBe(206);
      expect(got.ContentRange).toBe(contentRange);
      expect(await got.Body?.transformToString()).toBe(body);
    }
    const failure = await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'digits', Range: 'bytes=10-' })));
    expect(failure).toMatchObject({ name: 'InvalidRange', message: 'The requested range is not satisfiable', status: 416 });
  });

  it('evaluates conditional headers as S3 does', async () => {
    const { ETag } = await t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'cond', Body: 'c' }));
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    expect((await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfMatch: ETag }))).$metadata.httpStatusCode).toBe(200);
    expect(await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfMatch: '"nope"' })))).toMatchObject({
      name: 'PreconditionFailed',
      message: 'At least one of the pre-conditions you specified did not hold',
      status: 412,
    });
    expect((await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfNoneMatch: ETag })))).status).toBe(304);
    expect((await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfModifiedSince: new Date() })))).status).toBe(304);
    // A date in the future is not a valid condition and is ignored (RFC 7232).
    expect((await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfModifiedSince: future }))).$metadata.httpStatusCode).toBe(200);
    expect((await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfUnmodifiedSince: past })))).status).toBe(412);
    expect((await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'cond', IfModifiedSince: past }))).$metadata.httpStatusCode).toBe(200);
    expect((await s3Failure(t.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'cond', IfMatch: '"nope"' })))).status).toBe(412);
  });

  it('applies response-content-* overrides', async () => {
    const got = await t.s3.send(
      new GetObjectCommand({
        Bucket: 'plain',
        Key: 'digits',
        ResponseContentType: 'application/x-test',
        ResponseContentDisposition: 'inline',
        ResponseCacheControl: 'no-cache',
      }),
    );
    expect(got).toMatchObject({ ContentType: 'application/x-test', ContentDisposition: 'inline', CacheControl: 'no-cache' });
  });

  it('checks Content-MD5', async () => {
    const wrong = Buffer.from(md5('other'), 'hex').toString('base64');
    expect(await s3Failure(t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'md5', Body: 'data', ContentMD5: wrong })))).toMatchObject({
      name: 'BadDigest',
      message: 'The Content-MD5 you specified did not match what we received.',
      status: 400,
    });
    expect(await s3Failure(t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'md5', Body: 'data', ContentMD5: 'not-md5' })))).toMatchObject({
      name: 'InvalidDigest',
      message: 'The Content-MD5 you specified is not valid.',
      status: 400,
    });
    const right = Buffer.from(md5('data'), 'hex').toString('base64');
    await t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'md5', Body: 'data', ContentMD5: right }));
    expect((await s3Failure(t.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'never-written' })))).status).toBe(404);
  });

  it('keeps keys that look like paths, and unicode keys, as plain keys', async () => {
    for (const key of ['../../etc/passwd', 'ünïcødé/日本語 ファイル.txt', 'a+b=c&d%20e', 'trailing/']) {
      await t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: key, Body: `body of ${key}` }));
      const got = await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: key }));
      expect(await got.Body?.transformToString()).toBe(`body of ${key}`);
    }
  });

  it('enforces key and metadata limits', async () => {
    expect(await s3Failure(t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'k'.repeat(1025), Body: 'x' })))).toMatchObject({
      name: 'KeyTooLongError',
      message: 'Your key is too long',
      status: 400,
    });
    expect(
      await s3Failure(t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'meta', Body: 'x', Metadata: { big: 'v'.repeat(2100) } }))),
    ).toMatchObject({ name: 'MetadataTooLarge', message: 'Your metadata headers exceed the maximum allowed metadata size.', status: 400 });
  });

  it('reports missing keys and buckets', async () => {
    expect(await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'missing' })))).toMatchObject({
      name: 'NoSuchKey',
      message: 'The specified key does not exist.',
      status: 404,
    });
    expect(await s3Failure(t.s3.send(new PutObjectCommand({ Bucket: 'nobucket', Key: 'k', Body: 'x' })))).toMatchObject({
      name: 'NoSuchBucket',
      status: 404,
    });
  });
});

describe('versions and delete markers', () => {
  it('creates versions and delete markers, and reads by version id', async () => {
    const v1 = await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'doc', Body: 'one' }));
    const v2 = await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'doc', Body: 'two' }));
    expect(v1.VersionId).toMatch(/^[A-Za-z0-9._-]{32}$/);
    expect(v2.VersionId).not.toBe(v1.VersionId);
    const old = await t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: v1.VersionId }));
    expect(await old.Body?.transformToString()).toBe('one');
    expect(old.VersionId).toBe(v1.VersionId);

    const marker = await t.s3.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'doc' }));
    expect(marker.DeleteMarker).toBe(true);
    expect(marker.VersionId).toMatch(/^[A-Za-z0-9._-]{32}$/);

    const current = await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc' })));
    expect(current).toMatchObject({ name: 'NoSuchKey', message: 'The specified key does not exist.', status: 404 });
    expect((current.error.$response as { headers: Record<string, string> }).headers['x-amz-delete-marker']).toBe('true');
    const headCurrent = await s3Failure(t.s3.send(new HeadObjectCommand({ Bucket: 'versioned', Key: 'doc' })));
    expect(headCurrent.status).toBe(404);
    expect((headCurrent.error.$response as { headers: Record<string, string> }).headers['x-amz-delete-marker']).toBe('true');

    const byMarkerId = await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: marker.VersionId })));
    expect(byMarkerId).toMatchObject({
      name: 'MethodNotAllowed',
      message: 'The specified method is not allowed against this resource.',
      status: 405,
    });
    const unknown = await s3Failure(
      t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: 'A'.repeat(32) })),
    );
    expect(unknown).toMatchObject({ name: 'NoSuchVersion', message: 'The specified version does not exist.', status: 404 });
    const malformed = await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: 'bad id!' })));
    expect(malformed).toMatchObject({ name: 'InvalidArgument', message: 'Invalid version id specified', status: 400 });

    // Removing the delete marker by id brings the previous version back.
    const removed = await t.s3.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: marker.VersionId }));
    expect(removed.DeleteMarker).toBe(true);
    const back = await t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc' }));
    expect(await back.Body?.transformToString()).toBe('two');
    // Deleting a version permanently.
    await t.s3.send(new DeleteObjectCommand({ Bucket: 'versioned', Key: 'doc', VersionId: v2.VersionId }));
    expect(await (await t.s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'doc' }))).Body?.transformToString()).toBe('one');
  });

  it('uses the null version when suspended', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'suspended' }));
    await t.s3.send(new PutObjectCommand({ Bucket: 'suspended', Key: 'k', Body: 'unversioned' }));
    await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'suspended', VersioningConfiguration: { Status: 'Enabled' } }));
    const kept = await t.s3.send(new PutObjectCommand({ Bucket: 'suspended', Key: 'k', Body: 'versioned' }));
    await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'suspended', VersioningConfiguration: { Status: 'Suspended' } }));
    const nullPut = await t.s3.send(new PutObjectCommand({ Bucket: 'suspended', Key: 'k', Body: 'null again' }));
    expect(nullPut.VersionId).toBeUndefined();
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: 'suspended', Key: 'k' }));
    expect(head.VersionId).toBe('null');
    const marker = await t.s3.send(new DeleteObjectCommand({ Bucket: 'suspended', Key: 'k' }));
    expect(marker).toMatchObject({ DeleteMarker: true, VersionId: 'null' });
    const old = await t.s3.send(new GetObjectCommand({ Bucket: 'suspended', Key: 'k', VersionId: kept.VersionId }));
    expect(await old.Body?.transformToString()).toBe('versioned');
  });

  it('deletes an unversioned object outright', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'plain', Key: 'gone', Body: 'x' }));
    const result = await t.s3.send(new DeleteObjectCommand({ Bucket: 'plain', Key: 'gone' }));
    expect(result.$metadata.httpStatusCode).toBe(204);
    expect(result.DeleteMarker).toBeUndefined();
    expect((await s3Failure(t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'gone' })))).name).toBe('NoSuchKey');
  });

  it('deletes many objects, quietly or not, with per-key errors', async () => {
    const a = await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'multi/a', Body: 'a' }));
    await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'multi/b', Body: 'b' }));
    const result = await t.s3.send(
      new DeleteObjectsCommand({
        Bucket: 'versioned',
        Delete: { Objects: [{ Key: 'multi/a', VersionId: a.VersionId }, { Key: 'multi/b' }, { Key: 'multi/c', VersionId: 'bad id' }] },
      }),
    );
    expect(result.Deleted).toEqual([
      { Key: 'multi/a', VersionId: a.VersionId },
      { Key: 'multi/b', DeleteMarker: true, DeleteMarkerVersionId: expect.stringMatching(/^[A-Za-z0-9._-]{32}$/) },
    ]);
    expect(result.Errors).toEqual([
      { Key: 'multi/c', VersionId: 'bad id', Code: 'InvalidArgument', Message: 'Invalid version id specified' },
    ]);
    const quiet = await t.s3.send(
      new DeleteObjectsCommand({ Bucket: 'versioned', Delete: { Quiet: true, Objects: [{ Key: 'multi/x' }] } }),
    );
    expect(quiet.Deleted).toBeUndefined();
  });
});

describe('CopyObject', () => {
  it('copies metadata by default, replaces on REPLACE, and reads a given source version', async () => {
    const v1 = await t.s3.send(
      new PutObjectCommand({ Bucket: 'versioned', Key: 'src file', Body: 'first', Metadata: { m: '1' }, ContentType: 'text/a', Tagging: 't=1' }),
    );
    await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'src file', Body: 'second' }));
    const copy = await t.s3.send(
      new CopyObjectCommand({ Bucket: 'plain', Key: 'copied', CopySource: `versioned/${encodeURIComponent('src file')}?versionId=${v1.VersionId}` }),
    );
    expect(copy.CopyObjectResult?.ETag).toBe(`"${md5('first')}"`);
    expect(copy.CopySourceVersionId).toBe(v1.VersionId);
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'plain', Key: 'copied' }));
    expect(await got.Body?.transformToString()).toBe('first');
    expect(got).toMatchObject({ ContentType: 'text/a', Metadata: { m: '1' }, TagCount: 1 });

    await t.s3.send(
      new CopyObjectCommand({
        Bucket: 'plain',
        Key: 'copied',
        CopySource: 'plain/copied',
        MetadataDirective: 'REPLACE',
        Metadata: { n: '2' },
        ContentType: 'text/b',
        TaggingDirective: 'REPLACE',
        Tagging: 'x=y&z=w',
      }),
    );
    const replaced = await t.s3.send(new HeadObjectCommand({ Bucket: 'plain', Key: 'copied' }));
    expect(replaced).toMatchObject({ ContentType: 'text/b', Metadata: { n: '2' }, TagCount: 2 });
  });

  it('refuses copying an object onto itself unchanged', async () => {
    const failure = await s3Failure(t.s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'copied', CopySource: 'plain/copied' })));
    expect(failure).toMatchObject({
      name: 'InvalidRequest',
      status: 400,
      message:
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    });
  });

  it('reports a missing source', async () => {
    const failure = await s3Failure(t.s3.send(new CopyObjectCommand({ Bucket: 'plain', Key: 'x', CopySource: 'plain/does-not-exist' })));
    expect(failure).toMatchObject({ name: 'NoSuchKey', status: 404 });
  });
});

describe('object tagging', () => {
  it('puts, gets and deletes tags on the current and on a given version', async () => {
    const v1 = await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'tagged', Body: '1' }));
    await t.s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'tagged', Body: '2', Tagging: 'now=current' }));
    await t.s3.send(
      new PutObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged', VersionId: v1.VersionId, Tagging: { TagSet: [{ Key: 'old', Value: 'yes' }] } }),
    );
    const old = await t.s3.send(new GetObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged', VersionId: v1.VersionId }));
    expect(old).toMatchObject({ VersionId: v1.VersionId, TagSet: [{ Key: 'old', Value: 'yes' }] });
    expect((await t.s3.send(new GetObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged' }))).TagSet).toEqual([
      { Key: 'now', Value: 'current' },
    ]);
    await t.s3.send(new DeleteObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged' }));
    expect((await t.s3.send(new GetObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged' }))).TagSet).toEqual([]);
  });

  it('refuses more than 10 tags and invalid tags', async () => {
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const failure = await s3Failure(
      t.s3.send(new PutObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged', Tagging: { TagSet: tooMany } })),
    );
    expect(failure).toMatchObject({ name: 'BadRequest', message: 'Object tags cannot be greater than 10', status: 400 });
    const reserved = await s3Failure(
      t.s3.send(new PutObjectTaggingCommand({ Bucket: 'versioned', Key: 'tagged', Tagging: { TagSet: [{ Key: 'aws:x', Value: 'v' }] } })),
    );
    expect(reserved).toMatchObject({ name: 'InvalidTag', message: 'Your TagKey cannot be prefixed with aws:', status: 400 });
  });
});
