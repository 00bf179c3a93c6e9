import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListInstanceProfilesForRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';
import { ACCOUNT, S3_TRUST_POLICY, allowPolicy } from './iam.testkit';

const endpoint = endpointForSuite();
const { iam } = endpoint;

const createRole = (RoleName: string, extra: Partial<{ Path: string; Description: string; MaxSessionDuration: number }> = {}) =>
  iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: S3_TRUST_POLICY, ...extra }));

describe('CreateRole / GetRole', () => {
  it('creates a role with IAM ids, ARN (with its path) and the URL-encoded trust policy', async () => {
    const { Role } = await createRole('s3crr_role_for_src', {
      Path: '/service-role/',
      Description: 'replication',
      MaxSessionDuration: 7200,
    });
    expect(Role?.RoleName).toBe('s3crr_role_for_src');
    expect(Role?.Path).toBe('/service-role/');
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/service-role/s3crr_role_for_src`);
    expect(Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toBe(S3_TRUST_POLICY);

    const got = await iam.send(new GetRoleCommand({ RoleName: 'S3CRR_ROLE_FOR_SRC' }));
    expect(got.Role).toMatchObject({
      RoleName: 's3crr_role_for_src',
      RoleId: Role?.RoleId,
      Arn: Role?.Arn,
      Description: 'replication',
      MaxSessionDuration: 7200,
    });
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(S3_TRUST_POLICY);
  });

  it('refuses a name that exists, case-insensitively', async () => {
    await createRole('DupRole');
    const failure = await s3Failure(createRole('duprole'));
    expect(failure).toMatchObject({ name: 'EntityAlreadyExistsException', message: 'Role with name duprole already exists.', status: 409 });
  });

  it('answers NoSuchEntity for an unknown role', async () => {
    const failure = await s3Failure(iam.send(new GetRoleCommand({ RoleName: 'nope' })));
    expect(failure).toMatchObject({ name: 'NoSuchEntityException', message: 'The role with name nope cannot be found.', status: 404 });
  });

  it('validates names, paths and MaxSessionDuration as IAM does', async () => {
    const long = 'r'.repeat(65);
    expect(await s3Failure(createRole(long))).toMatchObject({
      name: 'ValidationError',
      message: `1 validation error detected: Value '${long}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
      status: 400,
    });
    expect(await s3Failure(createRole('has space'))).toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'has space' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      status: 400,
    });
    const both = `${'x'.repeat(64)} y`;
    const failure = await s3Failure(createRole(both, { Path: 'no-slashes' }));
    expect(failure.name).toBe('ValidationError');
    expect(failure.message).toBe(
      `3 validation errors detected: Value '${both}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64; ` +
        `Value '${both}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; ` +
        "Value 'no-slashes' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
    );
    expect(await s3Failure(createRole('short-session', { MaxSessionDuration: 100 }))).toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value '100' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
      status: 400,
    });
  });

  it('refuses malformed trust policies', async () => {
    const invalidJson = await s3Failure(
      iam.send(new CreateRoleCommand({ RoleName: 'bad-json', AssumeRolePolicyDocument: '{"Version":' })),
    );
    expect(invalidJson).toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'This policy contains invalid Json', status: 400 });
    const withResource = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }],
    });
    const prohibited = await s3Failure(iam.send(new CreateRoleCommand({ RoleName: 'bad-trust', AssumeRolePolicyDocument: withResource })));
    expect(prohibited).toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Has prohibited field Resource', status: 400 });
    expect(await s3Failure(iam.send(new GetRoleCommand({ RoleName: 'bad-trust' })))).toMatchObject({ status: 404 });
  });
});

describe('UpdateAssumeRolePolicy', () => {
  it('replaces the trust policy and validates it', async () => {
    await createRole('trusting');
    const both = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['s3.amazonaws.com', 'batchoperations.s3.amazonaws.com'] },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trusting', PolicyDocument: both }));
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'trusting' }));
    expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toBe(both);
    expect(
      await s3Failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trusting', PolicyDocument: 'nope' }))),
    ).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    expect(
      await s3Failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ghost', PolicyDocument: both }))),
    ).toMatchObject({ name: 'NoSuchEntityException', message: 'The role with name ghost cannot be found.', status: 404 });
  });
});

describe('inline role policies', () => {
  it('puts, gets (URL-encoded), lists and deletes', async () => {
    await createRole('inline-role');
    const document = allowPolicy('s3:ListBucket', 'arn:aws:s3:::src');
    await iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'list', PolicyDocument: document }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'another', PolicyDocument: document }));
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'list' }));
    expect(got).toMatchObject({ RoleName: 'inline-role', PolicyName: 'list' });
    expect(decodeURIComponent(got.PolicyDocument ?? '')).toBe(document);
    const listed = await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline-role' }));
    expect(listed.PolicyNames).toEqual(['another', 'list']);
    expect(listed.IsTruncated).toBe(false);
    const firstPage = await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline-role', MaxItems: 1 }));
    expect(firstPage).toMatchObject({ PolicyNames: ['another'], IsTruncated: true });
    const secondPage = await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline-role', Marker: firstPage.Marker }));
    expect(secondPage).toMatchObject({ PolicyNames: ['list'], IsTruncated: false });

    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'another' }));
    expect(await s3Failure(iam.send(new GetRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'another' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role policy with name another cannot be found.',
      status: 404,
    });
    expect(await s3Failure(iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'another' })))).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
    });
  });

  it('refuses an identity policy with a Principal, and inline policies over the 10,240-character quota', async () => {
    await createRole('quota-role');
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
    });
    expect(
      await s3Failure(iam.send(new PutRolePolicyCommand({ RoleName: 'quota-role', PolicyName: 'p', PolicyDocument: withPrincipal }))),
    ).toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Policy document should not specify a principal.', status: 400 });
    const resources = Array.from({ length: 300 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
    const big = allowPolicy('s3:GetObject', resources);
    expect(
      await s3Failure(iam.send(new PutRolePolicyCommand({ RoleName: 'quota-role', PolicyName: 'big', PolicyDocument: big }))),
    ).toMatchObject({ name: 'LimitExceededException', message: 'Maximum policy size of 10240 bytes exceeded for role quota-role', status: 409 });
  });
});

describe('managed policies attached to roles', () => {
  it('attaches, lists, detaches; unknown and malformed ARNs; DeleteRole conflicts', async () => {
    await createRole('attach-role');
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: admin }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: admin }));
    const listed = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'attach-role' }));
    expect(listed.AttachedPolicies).toEqual([{ PolicyName: 'AdministratorAccess', PolicyArn: admin }]);
    expect(listed.IsTruncated).toBe(false);

    const unknown = `arn:aws:iam::${ACCOUNT}:policy/nothing`;
    expect(await s3Failure(iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: unknown })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${unknown} does not exist or is not attachable.`,
      status: 404,
    });
    expect(
      await s3Failure(iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: 'this-is-not-an-arn-at-all' }))),
    ).toMatchObject({ name: 'ValidationError', message: 'Invalid ARN:  Could not be parsed!', status: 400 });
    expect(await s3Failure(iam.send(new AttachRolePolicyCommand({ RoleName: 'ghost', PolicyArn: admin })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name ghost cannot be found.',
      status: 404,
    });

    await iam.send(new PutRolePolicyCommand({ RoleName: 'attach-role', PolicyName: 'inline', PolicyDocument: allowPolicy('s3:*') }));
    expect(await s3Failure(iam.send(new DeleteRoleCommand({ RoleName: 'attach-role' })))).toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must detach all policies first.',
      status: 409,
    });
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: admin }));
    expect(await s3Failure(iam.send(new DetachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: admin })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${admin} was not found.`,
      status: 404,
    });
    expect(await s3Failure(iam.send(new DeleteRoleCommand({ RoleName: 'attach-role' })))).toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete policies first.',
      status: 409,
    });
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'attach-role', PolicyName: 'inline' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'attach-role' }));
    expect(await s3Failure(iam.send(new GetRoleCommand({ RoleName: 'attach-role' })))).toMatchObject({ status: 404 });
    expect(await s3Failure(iam.send(new DeleteRoleCommand({ RoleName: 'attach-role' })))).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
    });
  });

  it('allows at most 10 managed policies per role', async () => {
    await createRole('crowded-role');
    for (let i = 0; i < 11; i += 1) {
      await iam.send(new CreatePolicyCommand({ PolicyName: `crowd-${i}`, PolicyDocument: allowPolicy('s3:GetObject') }));
    }
    for (let i = 0; i < 10; i += 1) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'crowded-role', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/crowd-${i}` }));
    }
    const eleventh = await s3Failure(
      iam.send(new AttachRolePolicyCommand({ RoleName: 'crowded-role', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/crowd-10` })),
    );
    expect(eleventh).toMatchObject({ name: 'LimitExceededException', message: 'Cannot exceed quota for PoliciesPerRole: 10', status: 409 });
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'crowded-role', MaxItems: 4 }));
    expect(page.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['crowd-0', 'crowd-1', 'crowd-2', 'crowd-3']);
    expect(page.IsTruncated).toBe(true);
  });
});

describe('ListRoles', () => {
  it('pages with Marker/MaxItems in name order and filters by PathPrefix', async () => {
    for (const name of ['page-c', 'page-a', 'page-e', 'page-b', 'page-d']) await createRole(name, { Path: '/paging/' });
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 2, Marker: marker }));
      names.push(...(page.Roles ?? []).map((role) => role.RoleName ?? ''));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
      pages += 1;
    } while (marker);
    expect(names).toEqual(['page-a', 'page-b', 'page-c', 'page-d', 'page-e']);
    expect(pages).toBe(3);

    const all = await iam.send(new ListRolesCommand({}));
    expect(all.Roles?.map((role) => role.RoleName)).toEqual(expect.arrayContaining(['page-a', 's3crr_role_for_src']));
    const listedRole = all.Roles?.find((role) => role.RoleName === 'page-a');
    expect(decodeURIComponent(listedRole?.AssumeRolePolicyDocument ?? '')).toBe(S3_TRUST_POLICY);

    expect(await s3Failure(iam.send(new ListRolesCommand({ MaxItems: 0 })))).toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
      status: 400,
    });
  });
});

describe('instance profiles (never present on this endpoint)', () => {
  it('lists none for a role, and removing a role from one is NoSuchEntity', async () => {
    await createRole('profiled');
    const listed = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'profiled' }));
    expect(listed).toMatchObject({ InstanceProfiles: [], IsTruncated: false });
    expect(await s3Failure(iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'ghost' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name ghost cannot be found.',
      status: 404,
    });
    expect(
      await s3Failure(iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: 'profiled', InstanceProfileName: 'web' }))),
    ).toMatchObject({ name: 'NoSuchEntityException', message: 'Instance Profile web cannot be found.', status: 404 });
  });
});
