import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachUserPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListAccessKeysCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';
import { ACCOUNT, allowPolicy } from './iam.testkit';

const endpoint = endpointForSuite();
const { iam } = endpoint;

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

describe('users', () => {
  it('creates, gets (case-insensitively), lists with paging, and deletes', async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/staff/', Tags: [{ Key: 'team', Value: 'ops' }] }));
    expect(User).toMatchObject({ UserName: 'alice', Path: '/staff/', Arn: `arn:aws:iam::${ACCOUNT}:user/staff/alice` });
    expect(User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const { User: got } = await iam.send(new GetUserCommand({ UserName: 'ALICE' }));
    expect(got).toMatchObject({ UserName: 'alice', UserId: User?.UserId, Tags: [{ Key: 'team', Value: 'ops' }] });

    for (const name of ['bob', 'carol', 'dave']) await iam.send(new CreateUserCommand({ UserName: name }));
    const first = await iam.send(new ListUsersCommand({ MaxItems: 3 }));
    expect(first.Users?.map((user) => user.UserName)).toEqual(['alice', 'bob', 'carol']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListUsersCommand({ MaxItems: 3, Marker: first.Marker }));
    expect(second.Users?.map((user) => user.UserName)).toEqual(['dave']);
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
    const staff = await iam.send(new ListUsersCommand({ PathPrefix: '/staff/' }));
    expect(staff.Users?.map((user) => user.UserName)).toEqual(['alice']);

    await iam.send(new DeleteUserCommand({ UserName: 'dave' }));
    expect(await s3Failure(iam.send(new GetUserCommand({ UserName: 'dave' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name dave cannot be found.',
      status: 404,
    });
  });

  it('refuses duplicates and invalid names', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'Erin' }));
    expect(await s3Failure(iam.send(new CreateUserCommand({ UserName: 'erin' })))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'User with name erin already exists.',
      status: 409,
    });
    expect(await s3Failure(iam.send(new CreateUserCommand({ UserName: 'no/slash' })))).toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'no/slash' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      status: 400,
    });
  });

  it('GetUser without a name describes the caller (the root user here)', async () => {
    const { User } = await iam.send(new GetUserCommand({}));
    expect(User).toMatchObject({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
  });

  it('inline and attached user policies', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'policy-user' }));
    const document = allowPolicy('s3:GetObject', 'arn:aws:s3:::b/*');
    await iam.send(new PutUserPolicyCommand({ UserName: 'policy-user', PolicyName: 'read-b', PolicyDocument: document }));
    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'policy-user', PolicyName: 'read-b' }));
    expect(got).toMatchObject({ UserName: 'policy-user', PolicyName: 'read-b' });
    expect(decodeURIComponent(got.PolicyDocument ?? '')).toBe(document);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'policy-user' }))).PolicyNames).toEqual(['read-b']);
    expect(await s3Failure(iam.send(new GetUserPolicyCommand({ UserName: 'policy-user', PolicyName: 'other' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user policy with name other cannot be found.',
      status: 404,
    });

    await iam.send(new AttachUserPolicyCommand({ UserName: 'policy-user', PolicyArn: S3_READ }));
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'policy-user' }))).AttachedPolicies).toEqual([
      { PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: S3_READ },
    ]);

    await iam.send(new CreateAccessKeyCommand({ UserName: 'policy-user' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'policy-user-group' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'policy-user-group', UserName: 'policy-user' }));

    const conflict = (message: string) => ({ name: 'DeleteConflictException', message, status: 409 });
    const deleteUser = () => s3Failure(iam.send(new DeleteUserCommand({ UserName: 'policy-user' })));
    expect(await deleteUser()).toMatchObject(conflict('Cannot delete entity, must delete access keys first.'));
    const { AccessKeyMetadata } = await iam.send(new ListAccessKeysCommand({ UserName: 'policy-user' }));
    for (const key of AccessKeyMetadata ?? []) {
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'policy-user', AccessKeyId: key.AccessKeyId }));
    }
    expect(await deleteUser()).toMatchObject(conflict('Cannot delete entity, must remove user from all groups first.'));
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'policy-user-group', UserName: 'policy-user' }));
    expect(await deleteUser()).toMatchObject(conflict('Cannot delete entity, must detach all policies first.'));
    await iam.send(new DetachUserPolicyCommand({ UserName: 'policy-user', PolicyArn: S3_READ }));
    expect(await deleteUser()).toMatchObject(conflict('Cannot delete entity, must delete policies first.'));
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'policy-user', PolicyName: 'read-b' }));
    await iam.send(new DeleteUserCommand({ UserName: 'policy-user' }));
    expect(await s3Failure(iam.send(new DeleteUserCommand({ UserName: 'policy-user' })))).toMatchObject({ status: 404 });
  });

  it('allows at most 10 managed policies per user', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'crowded-user' }));
    for (let i = 0; i < 11; i += 1) {
      await iam.send(new CreatePolicyCommand({ PolicyName: `user-crowd-${i}`, PolicyDocument: allowPolicy('s3:GetObject') }));
      const attach = iam.send(
        new AttachUserPolicyCommand({ UserName: 'crowded-user', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/user-crowd-${i}` }),
      );
      if (i < 10) await attach;
      else {
        expect(await s3Failure(attach)).toMatchObject({
          name: 'LimitExceededException',
          message: 'Cannot exceed quota for PoliciesPerUser: 10',
          status: 409,
        });
      }
    }
  });
});

describe('groups', () => {
  it('the tutorial group: create, attach AdministratorAccess, add a user, get with its users', async () => {
    const { Group } = await iam.send(new CreateGroupCommand({ GroupName: 'javatpoint' }));
    expect(Group).toMatchObject({ GroupName: 'javatpoint', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:group/javatpoint` });
    expect(Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'javatpoint', PolicyArn: ADMIN }));
    await iam.send(new CreateUserCommand({ UserName: 'jtp-user' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'javatpoint', UserName: 'jtp-user' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'JAVATPOINT', UserName: 'jtp-user' }));

    const got = await iam.send(new GetGroupCommand({ GroupName: 'javatpoint' }));
    expect(got.Group).toMatchObject({ GroupName: 'javatpoint', GroupId: Group?.GroupId });
    expect(got.Users?.map((user) => user.UserName)).toEqual(['jtp-user']);
    expect(got.IsTruncated).toBe(false);
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'javatpoint' }))).AttachedPolicies).toEqual([
      { PolicyName: 'AdministratorAccess', PolicyArn: ADMIN },
    ]);
    const groups = await iam.send(new ListGroupsForUserCommand({ UserName: 'jtp-user' }));
    expect(groups.Groups?.map((group) => group.GroupName)).toEqual(['javatpoint']);
    expect((await iam.send(new ListGroupsCommand({}))).Groups?.map((group) => group.GroupName)).toContain('javatpoint');
  });

  it('errors: duplicate, unknown, not a member, DeleteGroup conflicts', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'ops' }));
    expect(await s3Failure(iam.send(new CreateGroupCommand({ GroupName: 'OPS' })))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'Group with name OPS already exists.',
      status: 409,
    });
    expect(await s3Failure(iam.send(new GetGroupCommand({ GroupName: 'nobody' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The group with name nobody cannot be found.',
      status: 404,
    });
    await iam.send(new CreateUserCommand({ UserName: 'frank' }));
    expect(await s3Failure(iam.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'ghost' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name ghost cannot be found.',
      status: 404,
    });
    expect(await s3Failure(iam.send(new RemoveUserFromGroupCommand({ GroupName: 'ops', UserName: 'frank' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name frank is not a member of group ops.',
      status: 404,
    });

    await iam.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'frank' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: S3_READ }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'inline', PolicyDocument: allowPolicy('s3:*') }));
    const got = await iam.send(new GetGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'inline' }));
    expect(got).toMatchObject({ GroupName: 'ops', PolicyName: 'inline' });
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'ops' }))).PolicyNames).toEqual(['inline']);

    const conflict = (message: string) => ({ name: 'DeleteConflictException', message, status: 409 });
    const deleteGroup = () => s3Failure(iam.send(new DeleteGroupCommand({ GroupName: 'ops' })));
    expect(await deleteGroup()).toMatchObject(conflict('Cannot delete entity, must remove users from group first.'));
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'ops', UserName: 'frank' }));
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'frank' }))).Groups).toEqual([]);
    expect(await deleteGroup()).toMatchObject(conflict('Cannot delete entity, must detach all policies first.'));
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: S3_READ }));
    expect(await deleteGroup()).toMatchObject(conflict('Cannot delete entity, must delete policies first.'));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'inline' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'ops' }));
    expect(await s3Failure(iam.send(new GetGroupCommand({ GroupName: 'ops' })))).toMatchObject({ status: 404 });
  });

  it('pages GetGroup users and ListGroups', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'big-group', Path: '/paged/' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'big-group-2', Path: '/paged/' }));
    for (const name of ['m3', 'm1', 'm2']) {
      await iam.send(new CreateUserCommand({ UserName: name }));
      await iam.send(new AddUserToGroupCommand({ GroupName: 'big-group', UserName: name }));
    }
    const first = await iam.send(new GetGroupCommand({ GroupName: 'big-group', MaxItems: 2 }));
    expect(first.Users?.map((user) => user.UserName)).toEqual(['m1', 'm2']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new GetGroupCommand({ GroupName: 'big-group', MaxItems: 2, Marker: first.Marker }));
    expect(second.Users?.map((user) => user.UserName)).toEqual(['m3']);
    expect(second.IsTruncated).toBe(false);

    const groups = await iam.send(new ListGroupsCommand({ PathPrefix: '/paged/', MaxItems: 1 }));
    expect(groups.Groups?.map((group) => group.GroupName)).toEqual(['big-group']);
    const rest = await iam.send(new ListGroupsCommand({ PathPrefix: '/paged/', Marker: groups.Marker }));
    expect(rest.Groups?.map((group) => group.GroupName)).toEqual(['big-group-2']);
  });
});

describe('login profiles (console passwords never exist on this endpoint)', () => {
  it('DeleteLoginProfile is NoSuchEntity for a user, and for an unknown user names the user', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'no-password' }));
    expect(await s3Failure(iam.send(new DeleteLoginProfileCommand({ UserName: 'no-password' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Login Profile for User no-password cannot be found.',
      status: 404,
    });
    expect(await s3Failure(iam.send(new DeleteLoginProfileCommand({ UserName: 'ghost' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name ghost cannot be found.',
      status: 404,
    });
  });
});
