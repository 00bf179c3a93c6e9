import { ListGroupsForUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { failureOf, startTestEndpoint, type TestEndpoint } from '../endpoint.testkit';
import { attachGroupPolicy, createGroup, deleteGroupWithDependencies, describeGroup } from './groups';
import { createUserInput, groupPolicyInput } from './iam-inputs';
import { listManagedPolicies } from './policies';
import { createAccessKey, createUser, deleteUserWithDependencies, describeUser, setAccessKeyStatus } from './users';

vi.mock('server-only', () => ({}));
const { action } = await import('@/lib/actions/action');

let endpoint: TestEndpoint;
beforeAll(async () => {
  endpoint = await startTestEndpoint();
});
afterAll(async () => endpoint?.stop());

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('the tutorial IAM steps', () => {
  it('creates group javatpoint with AdministratorAccess, a user in it and a working access key', async () => {
    const iam = endpoint.iam();
    expect((await listManagedPolicies(iam)).some((policy) => policy.arn === ADMIN && policy.awsManaged)).toBe(true);
    await createGroup(iam, 'javatpoint');
    await attachGroupPolicy(iam, groupPolicyInput.parse({ groupName: 'javatpoint', policyArn: ADMIN }));
    await createUser(iam, { userName: 'jtp-cli', groups: ['javatpoint'] });
    const key = await createAccessKey(iam, 'jtp-cli');
    expect(key.accessKeyId).toMatch(/^AKIA/);
    expect(key.secretAccessKey.length).toBeGreaterThanOrEqual(40);

    const group = await describeGroup(iam, 'javatpoint');
    expect(group.members).toEqual(['jtp-cli']);
    expect(group.attachedPolicies).toEqual([{ name: 'AdministratorAccess', arn: ADMIN }]);

    const user = await describeUser(iam, 'jtp-cli');
    expect(user.groups).toEqual(['javatpoint']);
    expect(user.accessKeys).toEqual([expect.objectContaining({ accessKeyId: key.accessKeyId, status: 'Active' })]);

    const asUser = new S3Client({
      endpoint: endpoint.url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
    });
    await expect(asUser.send(new ListBucketsCommand({}))).resolves.toHaveProperty('$metadata.httpStatusCode', 200);

    await setAccessKeyStatus(iam, { userName: 'jtp-cli', accessKeyId: key.accessKeyId, status: 'Inactive' });
    expect((await failureOf(asUser.send(new ListBucketsCommand({})))).status).toBe(403);
    asUser.destroy();
  });

  it('refuses a duplicate user with EntityAlreadyExists and changes nothing', async () => {
    const createUserAction = action(createUserInput, (input) => createUser(endpoint.iam(), input));
    const before = await endpoint.iam().send(new ListUsersCommand({}));
    const result = await createUserAction({ userName: 'jtp-cli', groups: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('EntityAlreadyExistsException');
    expect(result.error.message).toContain('jtp-cli');
    expect(await endpoint.iam().send(new ListUsersCommand({}))).toMatchObject({ Users: before.Users });
  });

  it('refuses a user name IAM would refuse, next to the field', async () => {
    const createUserAction = action(createUserInput, (input) => createUser(endpoint.iam(), input));
    const result = await createUserAction({ userName: 'has space', groups: [] });
    expect(result.ok || result.error.fieldErrors?.userName).toEqual([
      'A user name can contain only letters, numbers and + = , . @ _ - (no spaces).',
    ]);
  });

  it('does not create the user when a group does not exist', async () => {
    const failure = await failureOf(createUser(endpoint.iam(), { userName: 'orphan', groups: ['no-such-group'] }));
    expect(failure.name).toBe('NoSuchEntityException');
    const { Users } = await endpoint.iam().send(new ListUsersCommand({}));
    expect(Users?.map((user) => user.UserName)).not.toContain('orphan');
  });

  it('deletes a user with keys and groups after removing them, and then the group', async () => {
    const iam = endpoint.iam();
    const { steps } = await deleteUserWithDependencies(iam, 'jtp-cli');
    expect(steps[0]).toMatch(/^Deleted access key /);
    expect(steps.slice(1)).toEqual(['Removed from group javatpoint', 'Deleted user jtp-cli']);
    expect((await failureOf(iam.send(new ListGroupsForUserCommand({ UserName: 'jtp-cli' })))).name).toBe('NoSuchEntityException');
    expect((await deleteGroupWithDependencies(iam, 'javatpoint')).steps).toEqual([
      'Detached policy AdministratorAccess',
      'Deleted group javatpoint',
    ]);
  });
});
