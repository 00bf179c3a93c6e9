import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DetachGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  type Policy,
} from '@aws-sdk/client-iam';
import { ADMINISTRATOR_ACCESS_POLICY } from '@/lib/iam/policy-document';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';
import { ACCOUNT, allowPolicy } from './iam.testkit';

const endpoint = endpointForSuite();
const { iam } = endpoint;

const AWS_MANAGED = ['AdministratorAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'IAMFullAccess'];

async function allPolicies(input: { Scope?: 'All' | 'AWS' | 'Local'; OnlyAttached?: boolean; PathPrefix?: string }, pageSize: number) {
  const policies: Policy[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListPoliciesCommand({ ...input, MaxItems: pageSize, Marker: marker }));
    policies.push(...(page.Policies ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return policies;
}

describe('CreatePolicy / GetPolicy / GetPolicyVersion', () => {
  it('creates a customer managed policy with default version v1', async () => {
    const document = allowPolicy(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::src', 'arn:aws:s3:::src/*']);
    const { Policy: created } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 's3crr_for_src', Path: '/service-role/', PolicyDocument: document, Description: 'repl' }),
    );
    expect(created).toMatchObject({
      PolicyName: 's3crr_for_src',
      Arn: `arn:aws:iam::${ACCOUNT}:policy/service-role/s3crr_for_src`,
      Path: '/service-role/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    });
    expect(created?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);

    const { Policy: got } = await iam.send(new GetPolicyCommand({ PolicyArn: created?.Arn }));
    expect(got).toMatchObject({ PolicyName: 's3crr_for_src', PolicyId: created?.PolicyId, Description: 'repl', DefaultVersionId: 'v1' });

    const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: created?.Arn, VersionId: 'v1' }));
    expect(PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
    expect(decodeURIComponent(PolicyVersion?.Document ?? '')).toBe(document);

    expect(await s3Failure(iam.send(new GetPolicyVersionCommand({ PolicyArn: created?.Arn, VersionId: 'v2' })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${created?.Arn} version v2 does not exist or is not attachable.`,
      status: 404,
    });
    expect(await s3Failure(iam.send(new GetPolicyVersionCommand({ PolicyArn: created?.Arn, VersionId: 'one' })))).toMatchObject({
      name: 'ValidationError',
      status: 400,
    });
  });

  it('refuses duplicate names case-insensitively, malformed documents and documents over 6,144 characters', async () => {
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Unique', PolicyDocument: allowPolicy('s3:*') }));
    expect(await s3Failure(iam.send(new CreatePolicyCommand({ PolicyName: 'unique', PolicyDocument: allowPolicy('s3:*') })))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'A policy called unique already exists. Duplicate names are not allowed.',
      status: 409,
    });
    expect(await s3Failure(iam.send(new CreatePolicyCommand({ PolicyName: 'broken', PolicyDocument: '[' })))).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'This policy contains invalid Json',
      status: 400,
    });
    const noResource = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] });
    expect(await s3Failure(iam.send(new CreatePolicyCommand({ PolicyName: 'no-resource', PolicyDocument: noResource })))).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy statement must contain resources.',
      status: 400,
    });
    const big = allowPolicy('s3:GetObject', Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`));
    expect(await s3Failure(iam.send(new CreatePolicyCommand({ PolicyName: 'big', PolicyDocument: big })))).toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for PolicySize: 6144',
      status: 409,
    });
    const longName = 'p'.repeat(129);
    expect(await s3Failure(iam.send(new CreatePolicyCommand({ PolicyName: longName, PolicyDocument: allowPolicy('s3:*') })))).toMatchObject({
      name: 'ValidationError',
      message: `1 validation error detected: Value '${longName}' at 'policyName' failed to satisfy constraint: Member must have length less than or equal to 128`,
      status: 400,
    });
  });

  it('answers NoSuchEntity for an unknown policy and ValidationError for a malformed ARN', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/missing`;
    expect(await s3Failure(iam.send(new GetPolicyCommand({ PolicyArn: arn })))).toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${arn} was not found.`,
      status: 404,
    });
    expect(await s3Failure(iam.send(new GetPolicyCommand({ PolicyArn: 'definitely-not-an-arn' })))).toMatchObject({
      name: 'ValidationError',
      message: 'Invalid ARN:  Could not be parsed!',
      status: 400,
    });
  });

  it('has the AWS managed policies, AdministratorAccess allowing everything', async () => {
    for (const name of AWS_MANAGED) {
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::aws:policy/${name}` }));
      expect(Policy).toMatchObject({ PolicyName: name, Arn: `arn:aws:iam::aws:policy/${name}`, DefaultVersionId: 'v1', Path: '/' });
    }
    const { PolicyVersion } = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', VersionId: 'v1' }),
    );
    expect(JSON.parse(decodeURIComponent(PolicyVersion?.Document ?? ''))).toEqual(ADMINISTRATOR_ACCESS_POLICY);
  });
});

describe('ListPolicies', () => {
  it('filters by Scope, OnlyAttached and PathPrefix, and pages', async () => {
    await iam.send(new CreatePolicyCommand({ PolicyName: 'listed-a', Path: '/team/', PolicyDocument: allowPolicy('s3:*') }));
    await iam.send(new CreatePolicyCommand({ PolicyName: 'listed-b', Path: '/team/', PolicyDocument: allowPolicy('s3:*') }));

    const local = await allPolicies({ Scope: 'Local' }, 2);
    expect(local.every((policy) => policy.Arn?.startsWith(`arn:aws:iam::${ACCOUNT}:policy/`))).toBe(true);
    expect(local.map((policy) => policy.PolicyName)).toEqual(expect.arrayContaining(['listed-a', 'listed-b', 'Unique']));

    const aws = await allPolicies({ Scope: 'AWS' }, 2);
    expect(aws.map((policy) => policy.PolicyName)).toEqual(expect.arrayContaining(AWS_MANAGED));
    expect(aws.every((policy) => policy.Arn?.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);

    const all = await allPolicies({}, 3);
    expect(all).toHaveLength(local.length + aws.length);
    expect(new Set(all.map((policy) => policy.Arn)).size).toBe(all.length);

    const team = await allPolicies({ PathPrefix: '/team/' }, 100);
    expect(team.map((policy) => policy.PolicyName)).toEqual(['listed-a', 'listed-b']);

    expect(await allPolicies({ OnlyAttached: true }, 100)).toEqual([]);
    await iam.send(new CreateGroupCommand({ GroupName: 'attached-group' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'attached-group', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    const attached = await allPolicies({ OnlyAttached: true }, 100);
    expect(attached.map((policy) => [policy.PolicyName, policy.AttachmentCount])).toEqual([['AmazonS3ReadOnlyAccess', 1]]);
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'attached-group', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));

    expect(await s3Failure(iam.send(new ListPoliciesCommand({ Scope: 'Everything' as 'All' })))).toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value 'Everything' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]",
      status: 400,
    });
  });
});

describe('DeletePolicy', () => {
  it('refuses while attached, then deletes', async () => {
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'doomed', PolicyDocument: allowPolicy('s3:*') }));
    const arn = Policy?.Arn ?? '';
    await iam.send(new CreateGroupCommand({ GroupName: 'doomed-group' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'doomed-group', PolicyArn: arn }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1);
    expect(await s3Failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete a policy attached to entities.',
      status: 409,
    });
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'doomed-group', PolicyArn: arn }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect(await s3Failure(iam.send(new GetPolicyCommand({ PolicyArn: arn })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await s3Failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(
      await s3Failure(iam.send(new DeletePolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }))),
    ).toMatchObject({ name: 'UnmodifiableEntityException', status: 400 });
  });
});
