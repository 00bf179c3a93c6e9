import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketTaggingCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  DeleteObjectCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';

const t = endpointForSuite();

describe('buckets', () => {
  it('creates, lists, heads and locates buckets in any commercial region', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'jtpbucket' }));
    await t.s3.send(
      new CreateBucketCommand({ Bucket: 'jtp1bucket', CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }),
    );
    const list = await t.s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['jtp1bucket', 'ap-south-1'],
      ['jtpbucket', 'us-east-1'],
    ]);
    expect(list.Buckets?.[0].CreationDate).toBeInstanceOf(Date);
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const head = await t.s3.send(new HeadBucketCommand({ Bucket: 'jtp1bucket' }));
    expect(head.BucketRegion).toBe('ap-south-1');
    expect((await t.s3.send(new GetBucketLocationCommand({ Bucket: 'jtpbucket' }))).LocationConstraint).toBeUndefined();
    expect((await t.s3.send(new GetBucketLocationCommand({ Bucket: 'jtp1bucket' }))).LocationConstraint).toBe('ap-south-1');
  });

  it('maps EU to eu-west-1', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'legacy-eu', CreateBucketConfiguration: { LocationConstraint: 'EU' } }));
    expect((await t.s3.send(new HeadBucketCommand({ Bucket: 'legacy-eu' }))).BucketRegion).toBe('eu-west-1');
  });

  it('answers 200 when re-creating an own us-east-1 bucket and 409 elsewhere', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'jtpbucket' }));
    const failure = await s3Failure(
      t.s3.send(new CreateBucketCommand({ Bucket: 'jtp1bucket', CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } })),
    );
    expect(failure).toMatchObject({
      name: 'BucketAlreadyOwnedByYou',
      message: 'Your previous request to create the named bucket succeeded and you already own it.',
      status: 409,
    });
  });

  it.each([
    'ab',
    'a'.repeat(64),
    'Upper',
    'under_score',
    '-start',
    'end-',
    'two..dots',
    '192.168.5.4',
    'xn--punycode',
    'bucket-s3alias',
    'bucket--ol-s3',
  ])('refuses the bucket name %s', async (name) => {
    const failure = await s3Failure(t.s3.send(new CreateBucketCommand({ Bucket: name })));
    expect(failure).toMatchObject({ name: 'InvalidBucketName', message: 'The specified bucket is not valid.', status: 400 });
  });

  it('refuses an explicit us-east-1 and unknown location constraints', async () => {
    for (const constraint of ['us-east-1', 'mars-north-1']) {
      const failure = await s3Failure(
        t.s3.send(
          new CreateBucketCommand({
            Bucket: 'where-am-i',
            CreateBucketConfiguration: { LocationConstraint: constraint as 'us-east-2' },
          }),
        ),
      );
      expect(failure).toMatchObject({
        name: 'InvalidLocationConstraint',
        message: 'The specified location-constraint is not valid',
        status: 400,
      });
    }
  });

  it('reports missing buckets', async () => {
    const failure = await s3Failure(t.s3.send(new GetBucketVersioningCommand({ Bucket: 'no-such-bucket' })));
    expect(failure).toMatchObject({ name: 'NoSuchBucket', message: 'The specified bucket does not exist', status: 404 });
    const head = await s3Failure(t.s3.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })));
    expect(head.status).toBe(404);
  });

  it('switches versioning between Enabled and Suspended', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'versioned' }));
    expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket: 'versioned' }))).Status).toBeUndefined();
    await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }));
    expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket: 'versioned' }))).Status).toBe('Enabled');
    await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Suspended' } }));
    expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket: 'versioned' }))).Status).toBe('Suspended');
  });

  it('refuses bad versioning configurations', async () => {
    const bad = await s3Failure(
      t.s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'enabled' as 'Enabled' } })),
    );
    expect(bad).toMatchObject({
      name: 'MalformedXML',
      message: 'The XML you provided was not well-formed or did not validate against our published schema',
      status: 400,
    });
    const empty = await s3Failure(t.s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: {} })));
    expect(empty).toMatchObject({
      name: 'IllegalVersioningConfigurationException',
      message: 'The Versioning element must be specified',
      status: 400,
    });
  });

  it('stores, returns and deletes bucket tags', async () => {
    const missing = await s3Failure(t.s3.send(new GetBucketTaggingCommand({ Bucket: 'jtpbucket' })));
    expect(missing).toMatchObject({ name: 'NoSuchTagSet', message: 'The TagSet does not exist', status: 404 });
    await t.s3.send(
      new PutBucketTaggingCommand({ Bucket: 'jtpbucket', Tagging: { TagSet: [{ Key: 'team', Value: 'data & <ops>' }] } }),
    );
    const tags = await t.s3.send(new GetBucketTaggingCommand({ Bucket: 'jtpbucket' }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'data & <ops>' }]);
    const duplicate = await s3Failure(
      t.s3.send(
        new PutBucketTaggingCommand({
          Bucket: 'jtpbucket',
          Tagging: { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] },
        }),
      ),
    );
    expect(duplicate).toMatchObject({ name: 'InvalidTag', status: 400, message: 'Cannot provide multiple Tags with the same key' });
    await t.s3.send(new DeleteBucketTaggingCommand({ Bucket: 'jtpbucket' }));
    expect((await s3Failure(t.s3.send(new GetBucketTaggingCommand({ Bucket: 'jtpbucket' })))).name).toBe('NoSuchTagSet');
  });

  it('refuses to delete a bucket that still has versions, then deletes it when empty', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'to-delete' }));
    await t.s3.send(new PutBucketVersioningCommand({ Bucket: 'to-delete', VersioningConfiguration: { Status: 'Enabled' } }));
    const put = await t.s3.send(new PutObjectCommand({ Bucket: 'to-delete', Key: 'k', Body: 'x' }));
    const marker = await t.s3.send(new DeleteObjectCommand({ Bucket: 'to-delete', Key: 'k' }));
    const failure = await s3Failure(t.s3.send(new DeleteBucketCommand({ Bucket: 'to-delete' })));
    expect(failure).toMatchObject({
      name: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.',
      status: 409,
    });
    await t.s3.send(new DeleteObjectCommand({ Bucket: 'to-delete', Key: 'k', VersionId: put.VersionId }));
    await t.s3.send(new DeleteObjectCommand({ Bucket: 'to-delete', Key: 'k', VersionId: marker.VersionId }));
    await t.s3.send(new DeleteBucketCommand({ Bucket: 'to-delete' }));
    expect((await s3Failure(t.s3.send(new HeadBucketCommand({ Bucket: 'to-delete' })))).status).toBe(404);
  });
});
