import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatCredentialsFile,
  generateAccessKeyId,
  generateSecretAccessKey,
  loadOrCreateRootCredentials,
  parseCredentialsFile,
} from './credentials';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'credentials-test-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('key generation', () => {
  it('makes IAM-shaped keys', () => {
    for (let i = 0; i < 50; i++) {
      expect(generateAccessKeyId()).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(generateSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
    }
    expect(generateAccessKeyId()).not.toBe(generateAccessKeyId());
  });
});

describe('credentials file format', () => {
  it('round-trips through the AWS CLI format', () => {
    const credentials = { accessKeyId: 'AKIAEXAMPLE000000000', secretAccessKey: 'abc+/def=' };
    const text = formatCredentialsFile(credentials);
    expect(text).toBe('[default]\naws_access_key_id = AKIAEXAMPLE000000000\naws_secret_access_key = abc+/def=\n');
    expect(parseCredentialsFile(text)).toEqual(credentials);
  });

  it('reads only the default profile and tolerates comments, CRLF and spacing', () => {
    const text =
      '# generated\r\n[other]\r\naws_access_key_id=AKIAOTHER\r\naws_secret_access_key=x\r\n' +
      '[ default ]\r\n; note\r\n  AWS_ACCESS_KEY_ID=AKIADEFAULT  \r\naws_secret_access_key =  s3cr=t \r\n';
    expect(parseCredentialsFile(text)).toEqual({ accessKeyId: 'AKIADEFAULT', secretAccessKey: 's3cr=t' });
    expect(parseCredentialsFile('[default]\naws_access_key_id = A\n')).toBeUndefined();
  });
});

describe('loadOrCreateRootCredentials', () => {
  it('creates the data dir and an owner-only credentials file, then reads the same key back', async () => {
    const dataDir = path.join(root, 'nested', 'data');
    const first = await loadOrCreateRootCredentials(dataDir);
    expect(first.file).toBe(path.join(dataDir, 'credentials'));
    expect(first.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect(parseCredentialsFile(await readFile(first.file, 'utf8'))).toEqual({
      accessKeyId: first.accessKeyId,
      secretAccessKey: first.secretAccessKey,
    });

    const second = await loadOrCreateRootCredentials(dataDir);
    expect(second).toEqual(first);
    expect(await readdir(dataDir)).toEqual(['credentials']);
  });

  it('agrees on one key when several starts race on an empty data dir', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateRootCredentials(root)));
    expect(new Set(results.map((r) => r.accessKeyId)).size).toBe(1);
    expect(parseCredentialsFile(await readFile(results[0].file, 'utf8'))?.accessKeyId).toBe(results[0].accessKeyId);
    expect(await readdir(root)).toEqual(['credentials']);
  });

  it('writes an operator-chosen key over a generated one', async () => {
    await loadOrCreateRootCredentials(root);
    const override = { accessKeyId: 'AKIAOPERATOR00000000', secretAccessKey: 'operator-secret' };
    const loaded = await loadOrCreateRootCredentials(root, { override });
    expect(loaded).toMatchObject(override);
    expect(await loadOrCreateRootCredentials(root)).toMatchObject(override);
    expect((await stat(loaded.file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite a credentials file without a usable default profile', async () => {
    const file = path.join(root, 'credentials');
    await writeFile(file, '[default]\naws_access_key_id = AKIAONLY\n');
    await expect(loadOrCreateRootCredentials(root)).rejects.toThrow(/no \[default\] profile/);
    expect(await readFile(file, 'utf8')).toBe('[default]\naws_access_key_id = AKIAONLY\n');
  });
});
