import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyPair } from '../iam/iam.testkit';
import { signedFetch } from '../replication/signed-fetch.testkit';
import { endpointForSuite } from '../testing/endpoint.testkit';

describe('admin API: root only', () => {
  const endpoint = endpointForSuite();
  const { iam } = endpoint;
  let userKey: KeyPair;

  beforeAll(async () => {
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: 'admin-authz' }));
    await iam.send(new CreateUserCommand({ UserName: 'operator' }));
    // Even an administrator of the account is not root: the admin API is beyond IAM's actions.
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'operator', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: 'operator' }));
    userKey = {
      accessKeyId: created.AccessKey?.AccessKeyId as string,
      secretAccessKey: created.AccessKey?.SecretAccessKey as string,
    };
  });

  const metrics = (credentials?: KeyPair) =>
    signedFetch(endpoint.emulator, {
      method: 'GET',
      path: '/_emulator/replication/metrics',
      query: { bucket: 'admin-authz' },
      credentials,
    });

  it('answers the root key', async () => {
    const response = await metrics();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ bucket: 'admin-authz', rules: [] });
  });

  it('refuses an IAM user with a JSON AccessDenied, even one with AdministratorAccess', async () => {
    const response = await metrics(userKey);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      error: { code: 'AccessDenied', message: 'Only the root user may call the admin API.' },
    });
  });

  it('refuses an IAM user on a POST route before reading its body', async () => {
    const response = await signedFetch(endpoint.emulator, {
      method: 'POST',
      path: '/_emulator/replication/replicate',
      body: JSON.stringify({ bucket: 'admin-authz', key: 'k' }),
      contentType: 'application/json',
      credentials: userKey,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'AccessDenied' } });
  });

  it('keeps the health check open to anyone', async () => {
    const response = await fetch(`${endpoint.emulator.url}/_emulator/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
