import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite, type EndpointFixture } from '../testing/endpoint.testkit';

const run = promisify(execFile);
const cliAvailable = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
if (!cliAvailable) console.log('Skipping the AWS CLI tutorial replay: `aws` is not on PATH.');

let t: EndpointFixture;
let workDir: string;

async function aws(...args: string[]): Promise<string> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', t.emulator.url], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: t.emulator.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: t.emulator.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

describe.skipIf(!cliAvailable)('the tutorial, replayed with the AWS CLI', () => {
  t = endpointForSuite();
  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'aws-cli-'));
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('makes buckets, uploads, lists, copies recursively and lists versions', async () => {
    await aws('s3', 'mb', 's3://jtpbucket');
    await aws('s3api', 'create-bucket', '--bucket', 'jtp1bucket', '--create-bucket-configuration', 'LocationConstraint=ap-south-1');
    const ls = await aws('s3', 'ls');
    expect(ls).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d jtp1bucket\n.*jtpbucket/);

    writeFileSync(path.join(workDir, 'version.txt'), 'version 1\n');
    writeFileSync(path.join(workDir, 'download.jpg'), Buffer.alloc(3000, 0xff));
    await aws('s3api', 'put-bucket-versioning', '--bucket', 'jtpbucket', '--versioning-configuration', 'Status=Enabled');
    await aws('s3', 'cp', path.join(workDir, 'version.txt'), 's3://jtpbucket/version.txt');
    await aws('s3', 'cp', path.join(workDir, 'download.jpg'), 's3://jtpbucket/download.jpg');

    const copied = await aws('s3', 'cp', '--recursive', 's3://jtpbucket', 's3://jtp1bucket');
    expect(copied).toContain('copy: s3://jtpbucket/version.txt to s3://jtp1bucket/version.txt');
    expect(copied).toContain('copy: s3://jtpbucket/download.jpg to s3://jtp1bucket/download.jpg');
    const listed = await aws('s3', 'ls', 's3://jtp1bucket');
    expect(listed).toMatch(/3000 download\.jpg/);
    expect(listed).toMatch(/10 version\.txt/);

    const versions = JSON.parse(await aws('s3api', 'list-object-versions', '--bucket', 'jtpbucket')) as {
      Versions: { Key: string; IsLatest: boolean; VersionId: string }[];
    };
    expect(versions.Versions.map((v) => [v.Key, v.IsLatest])).toEqual([
      ['download.jpg', true],
      ['version.txt', true],
    ]);
  });

  it('uploads 20 MB with multipart and downloads it intact', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 512) big.writeUInt32LE(i, i);
    writeFileSync(path.join(workDir, 'big.bin'), big);
    await aws('s3', 'cp', path.join(workDir, 'big.bin'), 's3://jtpbucket/big.bin');
    const head = JSON.parse(await aws('s3api', 'head-object', '--bucket', 'jtpbucket', '--key', 'big.bin')) as {
      ContentLength: number;
      ETag: string;
    };
    expect(head.ContentLength).toBe(big.length);
    expect(head.ETag).toMatch(/-\d+"$/);
    await aws('s3', 'cp', 's3://jtpbucket/big.bin', path.join(workDir, 'back.bin'));
    expect(readFileSync(path.join(workDir, 'back.bin')).equals(big)).toBe(true);
  });
});
