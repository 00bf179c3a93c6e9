import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../http/types';
import { IamError } from '../iam/iam-error';
import { S3Error } from '../s3/errors';
import { iamStoreOf } from '../store/iam-store';
import { Store } from '../store/store';
import { authorizeIamAction, authorizePassRole, evaluatePrincipal } from './authorize';
import { requiredS3Permissions } from './s3-permissions';

const ROLE_ARN = 'arn:aws:iam::000000000000:role/service-role/s3crr_role_for_src';
const policy = (effect: 'Allow' | 'Deny', action: string, resource: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource }] });

describe('authorize', () => {
  let dir: string;
  let store: Store;
  let user: Principal;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'authorize-'));
    store = Store.open(dir);
    const created = iamStoreOf(store).users.create({ name: 'dev', path: '/', tags: [] });
    user = { type: 'user', userName: created.name, arn: created.arn };
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const putUserPolicy = (name: string, document: string) => {
    const iam = iamStoreOf(store);
    const found = iam.users.require('dev');
    iam.inlinePolicies.put({ type: 'user', id: found.id, name: found.name }, name, document);
  };

  it('root is always allowed; a user without policies is implicitly denied', () => {
    const permission = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
    expect(evaluatePrincipal(store, { type: 'root' }, permission)).toBe('Allow');
    expect(evaluatePrincipal(store, user, permission)).toBe('ImplicitDeny');
  });

  it("group policies apply to the group's members; a Deny anywhere wins", () => {
    const iam = iamStoreOf(store);
    const group = iam.groups.create('admins', '/');
    iam.groups.addUser('admins', 'dev');
    iam.policies.attach({ type: 'group', id: group.id, name: group.name }, 'arn:aws:iam::aws:policy/AdministratorAccess');
    expect(evaluatePrincipal(store, user, { action: 'iam:CreateRole', resource: ROLE_ARN })).toBe('Allow');
    putUserPolicy('deny', policy('Deny', 'iam:*', '*'));
    expect(evaluatePrincipal(store, user, { action: 'iam:CreateRole', resource: ROLE_ARN })).toBe('ExplicitDeny');
    expect(() => authorizeIamAction(store, user, { action: 'iam:CreateRole', resource: ROLE_ARN })).toThrow(IamError);
  });

  it('authorizePassRole needs iam:PassRole on that role ARN', () => {
    expect(() => authorizePassRole({ type: 'root' }, ROLE_ARN, store)).not.toThrow();
    expect(() => authorizePassRole(user, ROLE_ARN, store)).toThrow(S3Error);
    putUserPolicy('pass', policy('Allow', 'iam:PassRole', 'arn:aws:iam::000000000000:role/service-role/*'));
    expect(() => authorizePassRole(user, ROLE_ARN, store)).not.toThrow();
    expect(() => authorizePassRole(user, 'arn:aws:iam::000000000000:role/other', store)).toThrow(S3Error);
  });
});

describe('requiredS3Permissions', () => {
  const target = (operation: Parameters<typeof requiredS3Permissions>[0]['operation'], extra: Partial<Parameters<typeof requiredS3Permissions>[0]> = {}) =>
    requiredS3Permissions({ operation, bucket: 'b', key: 'dir/k', query: new URLSearchParams(), headers: {}, ...extra });

  it.each([
    ['ListBuckets', 's3:ListAllMyBuckets', '*'],
    ['PutBucketReplication', 's3:PutReplicationConfiguration', 'arn:aws:s3:::b'],
    ['GetBucketReplication', 's3:GetReplicationConfiguration', 'arn:aws:s3:::b'],
    ['DeleteBucketReplication', 's3:PutReplicationConfiguration', 'arn:aws:s3:::b'],
    ['ListObjectsV2', 's3:ListBucket', 'arn:aws:s3:::b'],
    ['ListObjectVersions', 's3:ListBucketVersions', 'arn:aws:s3:::b'],
    ['PutObject', 's3:PutObject', 'arn:aws:s3:::b/dir/k'],
    ['GetObject', 's3:GetObject', 'arn:aws:s3:::b/dir/k'],
    ['HeadObject', 's3:GetObject', 'arn:aws:s3:::b/dir/k'],
    ['DeleteObjects', 's3:DeleteObject', 'arn:aws:s3:::b/*'],
  ] as const)('%s needs %s on %s', (operation, action, resource) => {
    expect(target(operation)).toEqual([{ action, resource }]);
  });

  it('versioned reads and deletes need the version actions', () => {
    const query = new URLSearchParams('versionId=abc');
    expect(target('GetObject', { query })).toEqual([{ action: 's3:GetObjectVersion', resource: 'arn:aws:s3:::b/dir/k' }]);
    expect(target('DeleteObject', { query })).toEqual([{ action: 's3:DeleteObjectVersion', resource: 'arn:aws:s3:::b/dir/k' }]);
  });

  it('copies also need to read their source', () => {
    expect(target('CopyObject', { headers: { 'x-amz-copy-source': '/src/a%20b.txt?versionId=v1' } })).toEqual([
      { action: 's3:PutObject', resource: 'arn:aws:s3:::b/dir/k' },
      { action: 's3:GetObjectVersion', resource: 'arn:aws:s3:::src/a b.txt' },
    ]);
  });
});
