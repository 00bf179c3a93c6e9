import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicationPolicy, TRUST_S3, replicationEndpointForSuite } from './replication.testkit';

const run = promisify(execFile);
const cliAvailable = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
if (!cliAvailable) console.log('Skipping the AWS CLI replication tutorial replay: `aws` is not on PATH.');

/** Cross-region delay long enough to see PENDING between two CLI calls. */
const DELAY_MS = 6000;
/** About twenty CLI processes (a Python start each) and two delays: 30 s on an idle machine, twice that when busy. */
const CLI_TUTORIAL_TIMEOUT_MS = 180_000;

describe.skipIf(!cliAvailable)('the S3 replication tutorial with the AWS CLI alone', () => {
  const endpoint = replicationEndpointForSuite({ replicationDelayMs: DELAY_MS });
  let workDir: string;

  async function aws(...args: string[]): Promise<string> {
    const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint.emulator.url, '--output', 'json'], {
      cwd: workDir,
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: endpoint.emulator.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: endpoint.emulator.credentials.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
    });
    return stdout;
  }
  const json = async <T>(...args: string[]) => JSON.parse(await aws(...args)) as T;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'replication-cli-'));
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('creates the role, versioned buckets and the rule; an upload goes PENDING → COMPLETED and arrives as REPLICA', async () => {
    writeFileSync(path.join(workDir, 'trust.json'), TRUST_S3);
    writeFileSync(path.join(workDir, 'permissions.json'), replicationPolicy());
    writeFileSync(path.join(workDir, 'hello.txt'), 'hello, replica\n');

    const role = await json<{ Role: { Arn: string } }>(
      'iam', 'create-role', '--role-name', 'tutorial-replication-role', '--assume-role-policy-document', 'file://trust.json',
    );
    await aws('iam', 'put-role-policy', '--role-name', 'tutorial-replication-role', '--policy-name', 'replication', '--policy-document', 'file://permissions.json');

    await aws('s3api', 'create-bucket', '--bucket', 'tutorial-source');
    await aws('s3api', 'create-bucket', '--bucket', 'tutorial-destination', '--create-bucket-configuration', 'LocationConstraint=eu-west-1');
    for (const bucket of ['tutorial-source', 'tutorial-destination']) {
      await aws('s3api', 'put-bucket-versioning', '--bucket', bucket, '--versioning-configuration', 'Status=Enabled');
    }
    writeFileSync(
      path.join(workDir, 'replication.json'),
      JSON.stringify({
        Role: role.Role.Arn,
        Rules: [
          {
            ID: 'tutorial',
            Priority: 1,
            Filter: {},
            Status: 'Enabled',
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: 'arn:aws:s3:::tutorial-destination' },
          },
        ],
      }),
    );
    await aws('s3api', 'put-bucket-replication', '--bucket', 'tutorial-source', '--replication-configuration', 'file://replication.json');
    const stored = await json<{ ReplicationConfiguration: { Rules: { ID: string }[] } }>('s3api', 'get-bucket-replication', '--bucket', 'tutorial-source');
    expect(stored.ReplicationConfiguration.Rules.map((r) => r.ID)).toEqual(['tutorial']);

    const uploaded = await json<{ VersionId: string }>('s3api', 'put-object', '--bucket', 'tutorial-source', '--key', 'hello.txt', '--body', 'hello.txt');
    const pending = await json<{ ReplicationStatus?: string }>('s3api', 'head-object', '--bucket', 'tutorial-source', '--key', 'hello.txt');
    expect(pending.ReplicationStatus).toBe('PENDING');

    let status = pending.ReplicationStatus;
    for (let attempt = 0; attempt < 30 && status === 'PENDING'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await json<{ ReplicationStatus?: string }>('s3api', 'head-object', '--bucket', 'tutorial-source', '--key', 'hello.txt'))
        .ReplicationStatus;
    }
    expect(status).toBe('COMPLETED');

    const replica = await json<{ ReplicationStatus?: string; VersionId?: string; ContentLength?: number }>(
      's3api', 'head-object', '--bucket', 'tutorial-destination', '--key', 'hello.txt',
    );
    expect(replica).toMatchObject({ ReplicationStatus: 'REPLICA', VersionId: uploaded.VersionId, ContentLength: 15 });
  }, CLI_TUTORIAL_TIMEOUT_MS);
});
