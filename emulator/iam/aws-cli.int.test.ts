import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { PutObjectCommand, CreateBucketCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite, type EndpointFixture } from '../testing/endpoint.testkit';
import { ACCOUNT, type KeyPair } from './iam.testkit';

const run = promisify(execFile);
const cliAvailable = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
if (!cliAvailable) console.log('Skipping the AWS CLI IAM/STS tutorial steps: `aws` is not on PATH.');

let endpoint: EndpointFixture;

/** Runs the AWS CLI against the endpoint with the given key and no profile files; returns stdout. */
async function aws(key: KeyPair, ...args: string[]): Promise<string> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint.emulator.url, '--output', 'json'], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
    },
  });
  return stdout;
}

describe.skipIf(!cliAvailable)('tutorial step 7 with the AWS CLI: IAM group, user, access key', () => {
  endpoint = endpointForSuite();
  beforeAll(async () => {
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: 'jtpbucket' }));
    await endpoint.s3.send(new CreateBucketCommand({ Bucket: 'jtp1bucket' }));
    await endpoint.s3.send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt', Body: 'version 1\n' }));
  });

  it('creates the group with AdministratorAccess and a user whose key works at once', async () => {
    const root = endpoint.emulator.credentials;
    const group = JSON.parse(await aws(root, 'iam', 'create-group', '--group-name', 'javatpoint')) as { Group: { Arn: string } };
    expect(group.Group.Arn).toBe(`arn:aws:iam::${ACCOUNT}:group/javatpoint`);
    await aws(root, 'iam', 'attach-group-policy', '--group-name', 'javatpoint', '--policy-arn', 'arn:aws:iam::aws:policy/AdministratorAccess');
    await aws(root, 'iam', 'create-user', '--user-name', 'jtp-cli-user');
    await aws(root, 'iam', 'add-user-to-group', '--group-name', 'javatpoint', '--user-name', 'jtp-cli-user');
    const created = JSON.parse(await aws(root, 'iam', 'create-access-key', '--user-name', 'jtp-cli-user')) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string; Status: string; UserName: string };
    };
    expect(created.AccessKey).toMatchObject({ UserName: 'jtp-cli-user', Status: 'Active' });
    const key = { accessKeyId: created.AccessKey.AccessKeyId, secretAccessKey: created.AccessKey.SecretAccessKey };

    const identity = JSON.parse(await aws(key, 'sts', 'get-caller-identity')) as { Arn: string; Account: string };
    expect(identity).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/jtp-cli-user`, Account: ACCOUNT });

    const listing = await aws(key, 's3', 'ls');
    expect(listing).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d jtp1bucket\n.*jtpbucket/);
    const copied = await aws(key, 's3', 'cp', '--recursive', 's3://jtpbucket', 's3://jtp1bucket');
    expect(copied).toContain('copy: s3://jtpbucket/version.txt to s3://jtp1bucket/version.txt');

    const policies = JSON.parse(await aws(key, 'iam', 'list-attached-group-policies', '--group-name', 'javatpoint')) as {
      AttachedPolicies: { PolicyName: string }[];
    };
    expect(policies.AttachedPolicies.map((policy) => policy.PolicyName)).toEqual(['AdministratorAccess']);
  });

  it('shows IAM errors as the CLI prints them', async () => {
    const failure = await aws(endpoint.emulator.credentials, 'iam', 'get-role', '--role-name', 'nope').then(
      () => undefined,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failure).toContain('An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name nope cannot be found.');
  });
});
