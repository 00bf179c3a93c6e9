import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';
import { ACCOUNT, iamClientFor, s3ClientWith, stsClientFor, type KeyPair } from './iam.testkit';

const endpoint = endpointForSuite();
const { iam } = endpoint;

async function adminUserWithKey(userName: string): Promise<KeyPair> {
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
}

/** The key used for S3, IAM and STS at once: each answers with its own error for a rejected key (IAM and STS alike). */
async function keyOutcomes(key: KeyPair) {
  const s3 = s3ClientWith(endpoint.emulator, key);
  const userIam = iamClientFor(endpoint.emulator, key);
  const sts = stsClientFor(endpoint.emulator, key);
  try {
    const settle = async (promise: Promise<unknown>) => {
      try {
        await promise;
        return 'ok';
      } catch (error) {
        const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
        return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
      }
    };
    return {
      s3: await settle(s3.send(new ListBucketsCommand({}))),
      iam: await settle(userIam.send(new GetUserCommand({}))),
      sts: await settle(sts.send(new GetCallerIdentityCommand({}))),
    };
  } finally {
    s3.destroy();
    userIam.destroy();
    sts.destroy();
  }
}

const REJECTED = {
  s3: { name: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.', status: 403 },
  iam: { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 },
  sts: { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 },
};

describe('access keys', () => {
  it('CreateAccessKey returns a key that signs S3, IAM and STS requests at once', async () => {
    const key = await adminUserWithKey('keyed');
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(await keyOutcomes(key)).toEqual({ s3: 'ok', iam: 'ok', sts: 'ok' });

    const { AccessKeyMetadata, IsTruncated } = await iam.send(new ListAccessKeysCommand({ UserName: 'keyed' }));
    expect(IsTruncated).toBe(false);
    expect(AccessKeyMetadata).toEqual([
      { UserName: 'keyed', AccessKeyId: key.accessKeyId, Status: 'Active', CreateDate: expect.any(Date) },
    ]);
  });

  it('an Inactive key is rejected until it is made Active again; a deleted key is rejected', async () => {
    const key = await adminUserWithKey('toggled');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'toggled', AccessKeyId: key.accessKeyId, Status: 'Inactive' }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: 'toggled' }))).AccessKeyMetadata?.[0]?.Status).toBe('Inactive');
    const inactive = await keyOutcomes(key);
    expect(inactive.s3).toEqual(REJECTED.s3);
    expect(inactive.iam).toEqual(REJECTED.iam);
    expect(inactive.sts).toEqual(REJECTED.sts);

    await iam.send(new UpdateAccessKeyCommand({ UserName: 'toggled', AccessKeyId: key.accessKeyId, Status: 'Active' }));
    expect(await keyOutcomes(key)).toEqual({ s3: 'ok', iam: 'ok', sts: 'ok' });

    await iam.send(new DeleteAccessKeyCommand({ UserName: 'toggled', AccessKeyId: key.accessKeyId }));
    const deleted = await keyOutcomes(key);
    expect(deleted.s3).toEqual(REJECTED.s3);
    expect(deleted.iam).toEqual(REJECTED.iam);
    expect(deleted.sts).toEqual(REJECTED.sts);
  });

  it('a wrong secret is SignatureDoesNotMatch in IAM words', async () => {
    const key = await adminUserWithKey('wrong-secret');
    const outcomes = await keyOutcomes({ accessKeyId: key.accessKeyId, secretAccessKey: 'x'.repeat(40) });
    expect(outcomes.iam).toEqual({
      name: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      status: 403,
    });
    expect(outcomes.s3).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('allows two keys per user; errors for unknown keys and bad status', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'two-keys' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }));
    expect(await s3Failure(iam.send(new CreateAccessKeyCommand({ UserName: 'two-keys' })))).toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
      status: 409,
    });
    const first = await iam.send(new ListAccessKeysCommand({ UserName: 'two-keys', MaxItems: 1 }));
    expect(first.AccessKeyMetadata).toHaveLength(1);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListAccessKeysCommand({ UserName: 'two-keys', Marker: first.Marker }));
    expect(second.AccessKeyMetadata).toHaveLength(1);
    expect(second.AccessKeyMetadata?.[0]?.AccessKeyId).not.toBe(first.AccessKeyMetadata?.[0]?.AccessKeyId);

    const unknown = 'AKIAAAAAAAAAAAAAAAAA';
    expect(await s3Failure(iam.send(new DeleteAccessKeyCommand({ UserName: 'two-keys', AccessKeyId: unknown })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: `The Access Key with id ${unknown} cannot be found.`,
      status: 404,
    });
    expect(
      await s3Failure(iam.send(new UpdateAccessKeyCommand({ UserName: 'two-keys', AccessKeyId: unknown, Status: 'Paused' as 'Active' }))),
    ).toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value 'Paused' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
      status: 400,
    });
    expect(await s3Failure(iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.',
      status: 404,
    });
  });

  it('without UserName, access key actions and GetUser apply to the calling user', async () => {
    const key = await adminUserWithKey('self-service');
    const own = iamClientFor(endpoint.emulator, key);
    try {
      const { User } = await own.send(new GetUserCommand({}));
      expect(User).toMatchObject({ UserName: 'self-service', Arn: `arn:aws:iam::${ACCOUNT}:user/self-service` });
      const { AccessKey } = await own.send(new CreateAccessKeyCommand({}));
      expect(AccessKey?.UserName).toBe('self-service');
      const { AccessKeyMetadata } = await own.send(new ListAccessKeysCommand({}));
      expect(AccessKeyMetadata?.map((k) => k.AccessKeyId).sort()).toEqual([key.accessKeyId, AccessKey?.AccessKeyId].sort());
      await own.send(new DeleteAccessKeyCommand({ AccessKeyId: AccessKey?.AccessKeyId }));
    } finally {
      own.destroy();
    }
  });
});
