import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bucketProperties, putBucketTags, putBucketTagsInput, setBucketVersioning, setVersioningInput } from './bucket-properties';
import { failureOf, startTestEndpoint, type TestEndpoint } from './endpoint.testkit';
import { describeObject, replicationStatuses } from './object-details';
import { replicationRoles } from './replication-roles';

vi.mock('server-only', () => ({}));
const { action } = await import('@/lib/actions/action');

let endpoint: TestEndpoint;
const SOURCE = 'jtpbucket';
const DESTINATION = 'jtp1bucket';

beforeAll(async () => {
  endpoint = await startTestEndpoint();
  const ohio = endpoint.s3('us-east-2');
  const mumbai = endpoint.s3('ap-south-1');
  await ohio.send(new CreateBucketCommand({ Bucket: SOURCE, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }));
  await mumbai.send(new CreateBucketCommand({ Bucket: DESTINATION, CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }));
  await endpoint.s3().send(new CreateBucketCommand({ Bucket: 'bystander' }));
  for (const [client, bucket] of [[ohio, SOURCE], [mumbai, DESTINATION]] as const) {
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  const { Role } = await endpoint.iam().send(
    new CreateRoleCommand({
      RoleName: 's3crr_role_for_jtpbucket_to_jtp1bucket',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
  await endpoint.iam().send(
    new PutRolePolicyCommand({
      RoleName: 's3crr_role_for_jtpbucket_to_jtp1bucket',
      PolicyName: 'replicate',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: `arn:aws:s3:::${SOURCE}` },
          {
            Effect: 'Allow',
            Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
            Resource: `arn:aws:s3:::${SOURCE}/*`,
          },
          { Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: `arn:aws:s3:::${DESTINATION}/*` },
        ],
      }),
    }),
  );
  await ohio.send(
    new PutBucketReplicationCommand({
      Bucket: SOURCE,
      ReplicationConfiguration: {
        Role: Role?.Arn,
        Rules: [
          {
            ID: 'S3CRR',
            Status: 'Enabled',
            Priority: 1,
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: `arn:aws:s3:::${DESTINATION}` },
          },
        ],
      },
    }),
  );
});
afterAll(async () => endpoint?.stop());

const setVersioningAction = action(setVersioningInput, (input) => setBucketVersioning(endpoint.s3('us-east-2'), input));
const putTagsAction = action(putBucketTagsInput, (input) => putBucketTags(endpoint.s3('us-east-2'), input));

describe('versioning', () => {
  it('refuses to suspend versioning while a replication configuration exists, with S3 code and message', async () => {
    const result = await setVersioningAction({ bucket: SOURCE, status: 'Suspended' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('InvalidBucketState');
    expect(result.error.message).toMatch(/replication/i);
    const { Status } = await endpoint.s3('us-east-2').send(new GetBucketVersioningCommand({ Bucket: SOURCE }));
    expect(Status).toBe('Enabled');
  });

  it('suspends versioning on a bucket without replication', async () => {
    await endpoint.s3().send(new PutBucketVersioningCommand({ Bucket: 'bystander', VersioningConfiguration: { Status: 'Enabled' } }));
    const result = await action(setVersioningInput, (input) => setBucketVersioning(endpoint.s3(), input))({ bucket: 'bystander', status: 'Suspended' });
    expect(result).toEqual({ ok: true, data: { bucket: 'bystander', status: 'Suspended' } });
    expect((await endpoint.s3().send(new GetBucketVersioningCommand({ Bucket: 'bystander' }))).Status).toBe('Suspended');
  });

  it('rejects a status other than Enabled or Suspended before calling S3', async () => {
    const result = await setVersioningAction({ bucket: SOURCE, status: 'Disabled' as 'Enabled' });
    expect(result.ok || result.error.fieldErrors).toEqual({ status: ['Choose Enable or Suspend.'] });
  });
});

describe('tags', () => {
  it('saves a tag set, reads it back, and deletes it when emptied', async () => {
    const tags = [{ Key: 'project', Value: 'tutorial' }, { Key: 'owner', Value: 'javatpoint' }];
    expect(await putTagsAction({ bucket: SOURCE, tags })).toEqual({ ok: true, data: { tags } });
    const properties = await bucketProperties(endpoint.s3('us-east-2'), SOURCE, 'us-east-2');
    expect(properties).toEqual({ name: SOURCE, region: 'us-east-2', versioning: 'Enabled', tags, replicationRules: 1 });
    expect(await putTagsAction({ bucket: SOURCE, tags: [] })).toEqual({ ok: true, data: { tags: [] } });
    expect((await failureOf(endpoint.s3('us-east-2').send(new GetBucketTaggingCommand({ Bucket: SOURCE })))).name).toBe('NoSuchTagSet');
  });

  it('reports every bad tag next to its row and writes nothing', async () => {
    const result = await putTagsAction({
      bucket: SOURCE,
      tags: [{ Key: 'aws:reserved', Value: 'x' }, { Key: 'ok', Value: 'fine' }, { Key: 'ok', Value: 'again' }],
    });
    expect(result.ok || result.error.fieldErrors).toEqual({
      'tags.0': ['Your TagKey cannot be prefixed with aws:'],
      'tags.2': ['Cannot provide multiple Tags with the same key'],
    });
    expect((await failureOf(endpoint.s3('us-east-2').send(new GetBucketTaggingCommand({ Bucket: SOURCE })))).name).toBe('NoSuchTagSet');
  });
});

describe('replication in the console', () => {
  it('computes each bucket role from every GetBucketReplication', async () => {
    const roles = await replicationRoles(endpoint.s3, [
      { name: SOURCE, region: 'us-east-2' },
      { name: DESTINATION, region: 'ap-south-1' },
      { name: 'bystander', region: 'us-east-1' },
    ]);
    expect(roles).toEqual({
      [SOURCE]: { sourceRules: 1, destinationRules: 0, readable: true },
      [DESTINATION]: { sourceRules: 0, destinationRules: 1, readable: true },
      bystander: { sourceRules: 0, destinationRules: 0, readable: true },
    });
  });

  it('reads COMPLETED on the source and REPLICA on the destination once replication has run', async () => {
    const put = await endpoint.s3('us-east-2').send(new PutObjectCommand({ Bucket: SOURCE, Key: 'version.txt', Body: 'version 1' }));
    await endpoint.drain();
    expect(await replicationStatuses(endpoint.s3('us-east-2'), SOURCE, [{ key: 'version.txt' }, { key: 'gone.txt' }])).toEqual({
      'version.txt': 'COMPLETED',
    });
    expect(await replicationStatuses(endpoint.s3('us-east-2'), SOURCE, [{ key: 'version.txt', versionId: put.VersionId }])).toEqual({
      [`version.txt\u0000${put.VersionId}`]: 'COMPLETED',
    });
    expect((await describeObject(endpoint.s3('ap-south-1'), DESTINATION, { key: 'version.txt' })).replicationStatus).toBe('REPLICA');
  });
});
