import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateAccessKeyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetBucketReplicationCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowPolicy, denyPolicy, iamClientFor, s3ClientWith, type KeyPair } from '@/emulator/iam/iam.testkit';
import { createRole } from '@/emulator/replication/replication.testkit';
import { s3Failure, startTestEndpoint, type TestEndpoint } from '@/emulator/test/harness';
import { adminRequest } from '../shared/admin-client';

const BUCKET = 'authz-bucket';

describe('endpoint authorization: identity policies of users and groups, root, presigned URLs', () => {
  let endpoint: TestEndpoint;
  let iam: IAMClient;
  let userCounter = 0;

  async function user(policy?: string): Promise<{ name: string; key: KeyPair }> {
    userCounter += 1;
    const name = `authz-user-${userCounter}`;
    await iam.send(new CreateUserCommand({ UserName: name }));
    if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'own', PolicyDocument: policy }));
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
    return { name, key: { accessKeyId: created.AccessKey?.AccessKeyId as string, secretAccessKey: created.AccessKey?.SecretAccessKey as string } };
  }

  const status = async (promise: Promise<unknown>) => (await s3Failure(promise)).status;

  beforeAll(async () => {
    endpoint = await startTestEndpoint();
    iam = iamClientFor(endpoint.emulator);
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', Body: 'secret report' }));
  });
  afterAll(async () => {
    iam.destroy();
    await endpoint.stop();
  });

  it('a user with no policy may do nothing; a group Allow grants, leaving the group revokes at the next request', async () => {
    const { name, key } = await user();
    const s3 = s3ClientWith(endpoint.emulator, key);
    expect(await status(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' })))).toBe(403);
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'read', PolicyDocument: allowPolicy(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::authz-bucket', 'arn:aws:s3:::authz-bucket/*']) }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: name }));
    const read = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }));
    expect(await read.Body?.transformToString()).toBe('secret report');
    expect(await status(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', Body: 'overwritten' })))).toBe(403);
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'readers', UserName: name }));
    expect(await status(s3.send(new ListObjectsV2Command({ Bucket: BUCKET })))).toBe(403);
    s3.destroy();
  });

  it("a group's explicit Deny wins over the user's own Allow", async () => {
    const { name, key } = await user(allowPolicy('s3:*'));
    const s3 = s3ClientWith(endpoint.emulator, key);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'allowed.txt', Body: 'x' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'no-writes' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'no-writes', PolicyName: 'deny', PolicyDocument: denyPolicy('s3:PutObject', 'arn:aws:s3:::authz-bucket/*') }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'no-writes', UserName: name }));
    const denied = await s3Failure(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'allowed.txt', Body: 'y' })));
    expect([denied.name, denied.status]).toEqual(['AccessDenied', 403]);
    expect((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount).toBeGreaterThan(0);
    s3.destroy();
  });

  it('without s3:PutReplicationConfiguration, PutBucketReplication is AccessDenied and nothing is stored; root may do it', async () => {
    const role = await createRole({ iam }, 'authz-replication');
    const configuration = {
      Role: role,
      Rules: [{ ID: 'r', Priority: 1, Filter: {}, Status: 'Enabled' as const, DeleteMarkerReplication: { Status: 'Disabled' as const }, Destination: { Bucket: `arn:aws:s3:::${BUCKET}-dst` } }],
    };
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: `${BUCKET}-dst` }));
    await endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: `${BUCKET}-dst`, VersioningConfiguration: { Status: 'Enabled' } }));
    const { key } = await user(allowPolicy(['s3:Get*', 's3:List*', 's3:PutObject', 'iam:PassRole']));
    const s3 = s3ClientWith(endpoint.emulator, key);
    const denied = await s3Failure(s3.send(new PutBucketReplicationCommand({ Bucket: BUCKET, ReplicationConfiguration: configuration })));
    expect([denied.name, denied.status, denied.message]).toEqual(['AccessDenied', 403, 'Access Denied']);
    expect((await s3Failure(endpoint.s3.send(new GetBucketReplicationCommand({ Bucket: BUCKET })))).name).toBe(
      'ReplicationConfigurationNotFoundError',
    );
    await endpoint.s3.send(new PutBucketReplicationCommand({ Bucket: BUCKET, ReplicationConfiguration: configuration }));
    s3.destroy();
  });

  it('presigned URLs expire, and carry the signer’s permissions as they are when used', async () => {
    const { name, key } = await user(allowPolicy('s3:GetObject', 'arn:aws:s3:::authz-bucket/*'));
    const signer = s3ClientWith(endpoint.emulator, key);
    const shortLived = await getSignedUrl(signer, new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }), { expiresIn: 1 });
    const longLived = await getSignedUrl(signer, new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }), { expiresIn: 600 });
    const upload = await getSignedUrl(signer, new PutObjectCommand({ Bucket: BUCKET, Key: 'via-url.txt' }), { expiresIn: 600 });
    expect(await (await fetch(longLived)).text()).toBe('secret report');
    const put = await fetch(upload, { method: 'PUT', body: 'sneaky' });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>AccessDenied</Code>');

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await fetch(shortLived);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);

    await iam.send(new DeleteUserPolicyCommand({ UserName: name, PolicyName: 'own' }));
    expect((await fetch(longLived)).status).toBe(403);
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'own', PolicyDocument: allowPolicy('s3:GetObject') }));
    expect((await fetch(longLived)).status).toBe(200);
    await iam.send(new UpdateAccessKeyCommand({ UserName: name, AccessKeyId: key.accessKeyId, Status: 'Inactive' }));
    expect((await fetch(longLived)).status).toBe(403);
    signer.destroy();
  });

  it('the admin API (replication status, failures, retries) answers only the root key', async () => {
    const { key } = await user(allowPolicy('s3:*'));
    const asUser = await adminRequest<{ error?: { code: string } }>({ url: endpoint.emulator.url, credentials: key }, 'GET', 'replication/failures', {
      query: { bucket: BUCKET },
    });
    expect(asUser.status).toBe(403);
    expect(asUser.body.error?.code).toBe('AccessDenied');
    const retry = await adminRequest({ url: endpoint.emulator.url, credentials: key }, 'POST', 'replication/replicate', {
      body: { bucket: BUCKET, key: 'doc.txt' },
    });
    expect(retry.status).toBe(403);
    const asRoot = await adminRequest(endpoint.emulator, 'GET', 'replication/failures', { query: { bucket: BUCKET } });
    expect(asRoot.status).toBe(200);
  });
});
