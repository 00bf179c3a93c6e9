import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iamStoreOf } from '../store/iam-store';
import { Store } from '../store/store';
import { getRoleForReplication } from './role-lookup';

const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const inline = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::src' }] };
const managed = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ReplicateObject', Resource: 'arn:aws:s3:::dst/*' }] };

describe('getRoleForReplication', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'role-lookup-'));
    store = Store.open(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the trust policy and the inline + attached managed policies, parsed', () => {
    const iam = iamStoreOf(store);
    const role = iam.roles.create({
      name: 's3crr_role_for_src',
      path: '/service-role/',
      assumeRolePolicy: JSON.stringify(trust),
      maxSessionDuration: 3600,
      tags: [],
    });
    const entity = { type: 'role' as const, id: role.id, name: role.name };
    iam.inlinePolicies.put(entity, 'inline', JSON.stringify(inline));
    const policy = iam.policies.create({ name: 's3crr_for_src', path: '/service-role/', document: JSON.stringify(managed), tags: [] });
    iam.policies.attach(entity, policy.arn);

    const found = getRoleForReplication(store, 'arn:aws:iam::000000000000:role/service-role/s3crr_role_for_src');
    expect(found).toEqual({
      roleName: 's3crr_role_for_src',
      arn: 'arn:aws:iam::000000000000:role/service-role/s3crr_role_for_src',
      trustPolicy: trust,
      permissionPolicies: [inline, managed],
    });
  });

  it('is undefined for an unknown ARN (including one without the role path)', () => {
    iamStoreOf(store).roles.create({ name: 'r', path: '/service-role/', assumeRolePolicy: JSON.stringify(trust), maxSessionDuration: 3600, tags: [] });
    expect(getRoleForReplication(store, 'arn:aws:iam::000000000000:role/r')).toBeUndefined();
    expect(getRoleForReplication(store, 'arn:aws:iam::000000000000:role/nope')).toBeUndefined();
  });
});
