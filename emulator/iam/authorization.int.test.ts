import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DetachUserPolicyCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';
import { ACCOUNT, allowPolicy, denyPolicy, iamClientFor, s3ClientWith, stsClientFor, type KeyPair } from './iam.testkit';

const endpoint = endpointForSuite();
const { iam: rootIam } = endpoint;
const clients: { destroy(): void }[] = [];

beforeAll(async () => {
  for (const bucket of ['jtpbucket', 'jtp1bucket']) {
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await endpoint.s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  await endpoint.s3.send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt', Body: 'v1' }));
  await endpoint.s3.send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: 'public/readme.txt', Body: 'hello' }));
});
afterAll(() => {
  for (const client of clients) client.destroy();
});

async function userWithKey(userName: string, setup: (iam: IAMClient) => Promise<void> = async () => undefined): Promise<KeyPair> {
  await rootIam.send(new CreateUserCommand({ UserName: userName }));
  await setup(rootIam);
  const { AccessKey } = await rootIam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
}

function s3As(key: KeyPair): S3Client {
  const client = s3ClientWith(endpoint.emulator, key);
  clients.push(client);
  return client;
}

function iamAs(key: KeyPair): IAMClient {
  const client = iamClientFor(endpoint.emulator, key);
  clients.push(client);
  return client;
}

const ACCESS_DENIED = { name: 'AccessDenied', message: 'Access Denied', status: 403 };

const REPLICATION = {
  Role: `arn:aws:iam::${ACCOUNT}:role/service-role/s3crr_role_for_jtpbucket`,
  Rules: [{ ID: 'S3CRR', Status: 'Enabled' as const, Prefix: '', Destination: { Bucket: 'arn:aws:s3:::jtp1bucket' } }],
};

describe('the tutorial: group javatpoint with AdministratorAccess, a user with programmatic access', () => {
  it("the new user's key lists the buckets at once, and STS names the user", async () => {
    await rootIam.send(new CreateGroupCommand({ GroupName: 'javatpoint' }));
    await rootIam.send(
      new AttachGroupPolicyCommand({ GroupName: 'javatpoint', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    const key = await userWithKey('tutorial-user', (iam) =>
      iam.send(new AddUserToGroupCommand({ GroupName: 'javatpoint', UserName: 'tutorial-user' })).then(() => undefined),
    );

    const { Buckets } = await s3As(key).send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['jtp1bucket', 'jtpbucket']);

    const sts = stsClientFor(endpoint.emulator, key);
    clients.push(sts);
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/tutorial-user`, Account: ACCOUNT });
    expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);

    const users = await iamAs(key).send(new ListUsersCommand({}));
    expect(users.Users?.map((user) => user.UserName)).toContain('tutorial-user');
  });
});

describe('identity policies decide S3 requests', () => {
  it('a user without s3:PutReplicationConfiguration cannot configure replication', async () => {
    const key = await userWithKey('reader', (iam) =>
      iam
        .send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }))
        .then(() => undefined),
    );
    const s3 = s3As(key);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets).toHaveLength(2);
    const failure = await s3Failure(
      s3.send(new PutBucketReplicationCommand({ Bucket: 'jtpbucket', ReplicationConfiguration: REPLICATION })),
    );
    expect(failure).toMatchObject(ACCESS_DENIED);
    expect(await s3Failure(s3.send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: 'new.txt', Body: 'x' })))).toMatchObject(
      ACCESS_DENIED,
    );
  });

  it('an explicit Deny wins over AdministratorAccess', async () => {
    const key = await userWithKey('denied-admin', async (iam) => {
      await iam.send(new AttachUserPolicyCommand({ UserName: 'denied-admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'denied-admin',
          PolicyName: 'no-replication-no-users',
          PolicyDocument: denyPolicy(['s3:PutReplicationConfiguration', 'iam:CreateUser']),
        }),
      );
    });
    const s3 = s3As(key);
    await s3.send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: 'by-admin.txt', Body: 'ok' }));
    expect(
      await s3Failure(s3.send(new PutBucketReplicationCommand({ Bucket: 'jtpbucket', ReplicationConfiguration: REPLICATION }))),
    ).toMatchObject(ACCESS_DENIED);
    expect(await s3Failure(iamAs(key).send(new CreateUserCommand({ UserName: 'mallory' })))).toMatchObject({
      name: 'AccessDenied',
      message:
        `User: arn:aws:iam::${ACCOUNT}:user/denied-admin is not authorized to perform: iam:CreateUser on resource: ` +
        `arn:aws:iam::${ACCOUNT}:user/mallory with an explicit deny in an identity-based policy`,
      status: 403,
    });
  });

  it('a user without IAM permissions is told which action no policy allows', async () => {
    const key = await userWithKey('no-iam');
    expect(await s3Failure(iamAs(key).send(new ListUsersCommand({})))).toMatchObject({
      name: 'AccessDenied',
      message:
        `User: arn:aws:iam::${ACCOUNT}:user/no-iam is not authorized to perform: iam:ListUsers on resource: * ` +
        'because no identity-based policy allows the iam:ListUsers action',
      status: 403,
    });
    expect(await s3Failure(s3As(key).send(new ListBucketsCommand({})))).toMatchObject(ACCESS_DENIED);
    const sts = stsClientFor(endpoint.emulator, key);
    clients.push(sts);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/no-iam`);
  });

  it('resources are matched against object ARNs, and policy changes apply to the next request', async () => {
    const key = await userWithKey('prefix-reader', async (iam) => {
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'prefix-reader',
          PolicyName: 'public-only',
          PolicyDocument: allowPolicy('s3:GetObject', 'arn:aws:s3:::jtpbucket/public/*'),
        }),
      );
    });
    const s3 = s3As(key);
    const object = await s3.send(new GetObjectCommand({ Bucket: 'jtpbucket', Key: 'public/readme.txt' }));
    expect(await object.Body?.transformToString()).toBe('hello');
    expect(await s3Failure(s3.send(new GetObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt' })))).toMatchObject(ACCESS_DENIED);

    await rootIam.send(new AttachUserPolicyCommand({ UserName: 'prefix-reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    const now = await s3.send(new GetObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt' }));
    expect(await now.Body?.transformToString()).toBe('v1');
    await rootIam.send(new DetachUserPolicyCommand({ UserName: 'prefix-reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    expect(await s3Failure(s3.send(new GetObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt' })))).toMatchObject(ACCESS_DENIED);
  });
});

describe('presigned URLs carry the signer’s permissions', () => {
  it('a GET presigned by a user without s3:GetObject is denied; one by a reader works', async () => {
    const listOnly = await userWithKey('list-only', (iam) =>
      iam
        .send(new PutUserPolicyCommand({ UserName: 'list-only', PolicyName: 'list', PolicyDocument: allowPolicy('s3:ListBucket') }))
        .then(() => undefined),
    );
    const deniedUrl = await getSignedUrl(s3As(listOnly), new GetObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt' }), {
      expiresIn: 300,
    });
    const denied = await fetch(deniedUrl);
    expect(denied.status).toBe(403);
    const deniedBody = await denied.text();
    expect(deniedBody).toContain('<Code>AccessDenied</Code>');
    expect(deniedBody).toContain('<Message>Access Denied</Message>');

    const reader = await userWithKey('presign-reader', (iam) =>
      iam
        .send(new PutUserPolicyCommand({ UserName: 'presign-reader', PolicyName: 'get', PolicyDocument: allowPolicy('s3:GetObject', 'arn:aws:s3:::jtpbucket/*') }))
        .then(() => undefined),
    );
    const allowedUrl = await getSignedUrl(s3As(reader), new GetObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt' }), {
      expiresIn: 300,
    });
    const allowed = await fetch(allowedUrl);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe('v1');
  });
});
