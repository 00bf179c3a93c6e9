import {
  DeleteBucketReplicationCommand,
  GetBucketReplicationCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  type ReplicationConfiguration,
  type ReplicationRule,
} from '@aws-sdk/client-s3';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3Failure } from '../test/harness';
import { signedFetch } from './signed-fetch.testkit';
import { bucketArn, createBucket, replicationEndpointForSuite } from './replication.testkit';

const ROLE = 'arn:aws:iam::000000000000:role/replication';
const MALFORMED = 'The XML you provided was not well-formed or did not validate against our published schema';

function v2Rule(overrides: Partial<ReplicationRule> = {}): ReplicationRule {
  return {
    ID: 'rule-1',
    Priority: 1,
    Filter: { Prefix: '' },
    Status: 'Enabled',
    DeleteMarkerReplication: { Status: 'Disabled' },
    Destination: { Bucket: bucketArn('cfg-dst') },
    ...overrides,
  };
}

describe('Put/Get/DeleteBucketReplication', () => {
  const endpoint = replicationEndpointForSuite();
  const put = (config: ReplicationConfiguration, bucket = 'cfg-src') =>
    endpoint.s3.send(new PutBucketReplicationCommand({ Bucket: bucket, ReplicationConfiguration: config }));
  const get = (bucket = 'cfg-src') => endpoint.s3.send(new GetBucketReplicationCommand({ Bucket: bucket }));

  beforeAll(async () => {
    await createBucket(endpoint.s3, 'cfg-src', { versioning: 'Enabled' });
    await createBucket(endpoint.s3, 'cfg-dst', { versioning: 'Enabled' });
    await createBucket(endpoint.s3, 'cfg-dst2', { versioning: 'Enabled', region: 'eu-west-1' });
    await createBucket(endpoint.s3, 'cfg-unversioned');
    await createBucket(endpoint.s3, 'cfg-suspended', { versioning: 'Suspended' });
  });

  it('answers 404 ReplicationConfigurationNotFoundError before any PUT, and DELETE is 204 anyway', async () => {
    const failure = await s3Failure(get());
    expect(failure).toMatchObject({
      name: 'ReplicationConfigurationNotFoundError',
      message: 'The replication configuration was not found',
      status: 404,
    });
    expect(failure.error.BucketName).toBe('cfg-src');
    const deleted = await endpoint.s3.send(new DeleteBucketReplicationCommand({ Bucket: 'cfg-src' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
  });

  it('stores a V2 configuration and returns it exactly, with generated rule IDs', async () => {
    const config: ReplicationConfiguration = {
      Role: ROLE,
      Rules: [
        v2Rule(),
        {
          Priority: 2,
          Filter: { And: { Prefix: 'logs/', Tags: [{ Key: 'k', Value: 'v' }] } },
          Status: 'Disabled',
          DeleteMarkerReplication: { Status: 'Disabled' },
          Destination: {
            Bucket: bucketArn('cfg-dst2'),
            Account: '000000000000',
            StorageClass: 'STANDARD_IA',
            AccessControlTranslation: { Owner: 'Destination' },
            ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
            Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
          },
        },
      ],
    };
    await put(config);
    const stored = (await get()).ReplicationConfiguration;
    const generatedId = stored?.Rules?.[1].ID;
    expect(generatedId).toMatch(/^[A-Za-z0-9]{20,}$/);
    expect(stored).toEqual({ ...config, Rules: [config.Rules?.[0], { ...config.Rules?.[1], ID: generatedId }] });
    expect((await get()).ReplicationConfiguration?.Rules?.[1].ID).toBe(generatedId);
  });

  it('replaces the whole configuration on PUT and keeps a V1 configuration as sent', async () => {
    const v1: ReplicationConfiguration = {
      Role: ROLE,
      Rules: [{ ID: 'v1', Prefix: 'docs/', Status: 'Enabled', Destination: { Bucket: bucketArn('cfg-dst') } }],
    };
    await put(v1);
    expect((await get()).ReplicationConfiguration).toEqual(v1);
  });

  it('deletes the configuration (204) and is idempotent', async () => {
    await put({ Role: ROLE, Rules: [v2Rule()] });
    const first = await endpoint.s3.send(new DeleteBucketReplicationCommand({ Bucket: 'cfg-src' }));
    const second = await endpoint.s3.send(new DeleteBucketReplicationCommand({ Bucket: 'cfg-src' }));
    expect([first.$metadata.httpStatusCode, second.$metadata.httpStatusCode]).toEqual([204, 204]);
    expect((await s3Failure(get())).name).toBe('ReplicationConfigurationNotFoundError');
  });

  it.each([
    ['GET', () => get('cfg-missing')],
    ['PUT', () => put({ Role: ROLE, Rules: [v2Rule()] }, 'cfg-missing')],
    ['DELETE', () => endpoint.s3.send(new DeleteBucketReplicationCommand({ Bucket: 'cfg-missing' }))],
  ])('%s on a missing bucket → NoSuchBucket', async (_method, call) => {
    const failure = await s3Failure(call());
    expect(failure).toMatchObject({ name: 'NoSuchBucket', message: 'The specified bucket does not exist', status: 404 });
    expect(failure.error.BucketName).toBe('cfg-missing');
  });

  const validationCases: [string, string, () => Promise<unknown>, string, string][] = [
    [
      'source versioning never enabled',
      'cfg-unversioned',
      () => put({ Role: ROLE, Rules: [v2Rule()] }, 'cfg-unversioned'),
      'InvalidRequest',
      "Versioning must be 'Enabled' on the bucket to apply a replication configuration",
    ],
    [
      'source versioning suspended',
      'cfg-suspended',
      () => put({ Role: ROLE, Rules: [v2Rule()] }, 'cfg-suspended'),
      'InvalidRequest',
      "Versioning must be 'Enabled' on the bucket to apply a replication configuration",
    ],
    [
      'destination not versioned',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ Destination: { Bucket: bucketArn('cfg-unversioned') } })] }),
      'InvalidRequest',
      'Destination bucket must have versioning enabled.',
    ],
    [
      'destination missing',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ Destination: { Bucket: bucketArn('cfg-nowhere') } })] }),
      'InvalidRequest',
      'Destination bucket must have versioning enabled.',
    ],
    [
      'V2 rule without DeleteMarkerReplication',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ DeleteMarkerReplication: undefined })] }),
      'InvalidRequest',
      'DeleteMarkerReplication must be specified for this version of Cross Region Replication configuration schema. Please refer to S3 Developer Guide for more information.',
    ],
    [
      'V2 rule without Priority',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ Priority: undefined })] }),
      'InvalidRequest',
      'Priority must be specified for this version of Cross Region Replication configuration schema.Please refer to S3 Developer Guide for more information.',
    ],
    [
      'duplicate rule IDs',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule(), v2Rule({ Priority: 2 })] }),
      'InvalidArgument',
      'Rule Id must be unique.',
    ],
    [
      'duplicate priorities',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule(), v2Rule({ ID: 'rule-2' })] }),
      'InvalidRequest',
      'Found duplicate priority 1.',
    ],
    [
      'delete marker replication with a tag filter',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [v2Rule({ Filter: { Tag: { Key: 'k', Value: 'v' } }, DeleteMarkerReplication: { Status: 'Enabled' } })],
        }),
      'InvalidRequest',
      'Delete marker replication is not supported if any Tag filter is specified. Please refer to S3 Developer Guide for more information.',
    ],
    [
      'AccessControlTranslation without Account',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [v2Rule({ Destination: { Bucket: bucketArn('cfg-dst'), AccessControlTranslation: { Owner: 'Destination' } } })],
        }),
      'InvalidRequest',
      'The <Owner> in <AccessControlTranslation> has a value, so the <Account> element must be specified.',
    ],
    [
      'ReplicationTime without Metrics',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [
            v2Rule({
              Destination: { Bucket: bucketArn('cfg-dst'), ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } } },
            }),
          ],
        }),
      'InvalidRequest',
      'The replication destination must contain both ReplicationTime and Metrics, or neither.',
    ],
    [
      'ReplicationTime minutes other than 15',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [
            v2Rule({
              Destination: {
                Bucket: bucketArn('cfg-dst'),
                ReplicationTime: { Status: 'Enabled', Time: { Minutes: 10 } },
                Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
              },
            }),
          ],
        }),
      'InvalidArgument',
      'Replication-ReplicationTimeValue-Minutes value must be 15.',
    ],
    [
      'V1 configuration with two destinations',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [
            { ID: 'a', Prefix: 'a/', Status: 'Enabled', Destination: { Bucket: bucketArn('cfg-dst') } },
            { ID: 'b', Prefix: 'b/', Status: 'Enabled', Destination: { Bucket: bucketArn('cfg-dst2') } },
          ],
        }),
      'InvalidRequest',
      'Number of distinct destination bucket ARNs cannot exceed 1',
    ],
    [
      'non-ASCII rule ID',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ ID: 'règle' })] }),
      'InvalidArgument',
      'Rule ID must not contain non-ASCII characters',
    ],
    ['an empty rule list', 'cfg-src', () => put({ Role: ROLE, Rules: [] }), 'MalformedXML', MALFORMED],
    [
      'a rule ID longer than 255 characters',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ ID: 'x'.repeat(256) })] }),
      'InvalidArgument',
      'The ID length should not exceed allowed limit of 255',
    ],
    [
      'ReplicationTime and Metrics with different statuses',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [
            v2Rule({
              Destination: {
                Bucket: bucketArn('cfg-dst'),
                ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
                Metrics: { Status: 'Disabled', EventThreshold: { Minutes: 15 } },
              },
            }),
          ],
        }),
      'InvalidRequest',
      'ReplicationTime and ReplicationMetrics must have the same status.',
    ],
    [
      'SseKmsEncryptedObjects without ReplicaKmsKeyID',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } } })] }),
      'InvalidRequest',
      'ReplicaKmsKeyID must be specified if SseKmsEncryptedObjects tag is present.',
    ],
    [
      'the source bucket as destination',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ Destination: { Bucket: bucketArn('cfg-src') } })] }),
      'InvalidRequest',
      'Destination bucket cannot be the same as the source bucket.',
    ],
    [
      'an Account that does not own the destination',
      'cfg-src',
      () =>
        put({
          Role: ROLE,
          Rules: [v2Rule({ Destination: { Bucket: bucketArn('cfg-dst'), Account: '111122223333', AccessControlTranslation: { Owner: 'Destination' } } })],
        }),
      'InvalidArgument',
      'The AWS account specified in the <Account> element must match the destination bucket owner.',
    ],
    [
      'more than 1000 rules',
      'cfg-src',
      () => put({ Role: ROLE, Rules: Array.from({ length: 1001 }, (_, i) => v2Rule({ ID: `r${i}`, Priority: i })) }),
      'MalformedXML',
      MALFORMED,
    ],

    [
      'ExistingObjectReplication',
      'cfg-src',
      () => put({ Role: ROLE, Rules: [v2Rule({ ExistingObjectReplication: { Status: 'Enabled' } })] }),
      'MalformedXML',
      MALFORMED,
    ],
  ];

  it.each(validationCases)('rejects %s', async (_name, _bucket, call, code, message) => {
    const failure = await s3Failure(call());
    expect(failure).toMatchObject({ name: code, message, status: 400 });
  });

  it('rejects XML that is not well formed, and a body over 2 MB', async () => {
    const raw = (body: string) =>
      signedFetch(endpoint.emulator, { method: 'PUT', path: '/cfg-src', query: { replication: '' }, body, contentType: 'application/xml' });
    const broken = await raw('<ReplicationConfiguration><Role>r</Role><Rule>');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('<Code>MalformedXML</Code>');
    const huge = await raw(`<ReplicationConfiguration><Role>${'r'.repeat(2 * 1024 * 1024 + 1)}</Role></ReplicationConfiguration>`);
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain('<Code>MaxMessageLengthExceeded</Code>');
  });

  it('refuses to suspend versioning while a configuration exists (409 InvalidBucketState)', async () => {
    await put({ Role: ROLE, Rules: [v2Rule()] });
    const failure = await s3Failure(
      endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: 'cfg-src', VersioningConfiguration: { Status: 'Suspended' } })),
    );
    expect(failure).toMatchObject({
      name: 'InvalidBucketState',
      status: 409,
      message:
        'A replication configuration is present on this bucket, so you cannot change the versioning state. To change the versioning state, first delete the replication configuration.',
    });
    await endpoint.s3.send(new DeleteBucketReplicationCommand({ Bucket: 'cfg-src' }));
    await endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: 'cfg-src', VersioningConfiguration: { Status: 'Suspended' } }));
    await endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: 'cfg-src', VersioningConfiguration: { Status: 'Enabled' } }));
  });

  it('answers AccessDenied when x-amz-expected-bucket-owner names another account', async () => {
    const failure = await s3Failure(
      endpoint.s3.send(new GetBucketReplicationCommand({ Bucket: 'cfg-src', ExpectedBucketOwner: '111122223333' })),
    );
    expect(failure).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('needs iam:PassRole on the Role for IAM users (AccessDenied without it)', async () => {
    const userPolicy = (actions: string[]) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
    await endpoint.iam.send(new CreateUserCommand({ UserName: 'rule-editor' }));
    await endpoint.iam.send(
      new PutUserPolicyCommand({ UserName: 'rule-editor', PolicyName: 's3', PolicyDocument: userPolicy(['s3:*']) }),
    );
    const key = (await endpoint.iam.send(new CreateAccessKeyCommand({ UserName: 'rule-editor' }))).AccessKey;
    const asUser = new S3Client({
      endpoint: endpoint.emulator.url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: key?.AccessKeyId as string, secretAccessKey: key?.SecretAccessKey as string },
    });
    const putAsUser = () =>
      asUser.send(new PutBucketReplicationCommand({ Bucket: 'cfg-src', ReplicationConfiguration: { Role: ROLE, Rules: [v2Rule()] } }));
    try {
      expect(await s3Failure(putAsUser())).toMatchObject({ name: 'AccessDenied', status: 403 });
      await endpoint.iam.send(
        new PutUserPolicyCommand({ UserName: 'rule-editor', PolicyName: 's3', PolicyDocument: userPolicy(['s3:*', 'iam:PassRole']) }),
      );
      expect((await putAsUser()).$metadata.httpStatusCode).toBe(200);
    } finally {
      asUser.destroy();
    }
  });
});
