import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetBucketVersioningCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBackend, type TestBackend } from './backends.testkit';
import { planSave } from './plan-save';
import type { RuleInput } from './rule-input';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startEmbeddedBackend();
  const s3 = backend.deps.s3('eu-west-1');
  for (const bucket of ['plan-src', 'plan-same-region']) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  }
});
afterAll(async () => backend?.stop());

const input = (overrides: Partial<RuleInput>): RuleInput => ({
  sourceBucket: 'plan-src',
  scope: { kind: 'filter', prefix: 'reports/', tags: [] },
  replicateKmsObjects: false,
  destination: { account: 'this', bucket: 'plan-same-region' },
  storageClass: 'STANDARD_IA',
  ownerOverride: false,
  deleteMarkerReplication: true,
  replicaModificationSync: false,
  replicationTimeControl: false,
  replicationMetrics: false,
  role: { kind: 'new' },
  ruleName: 'to-dr',
  status: 'Enabled',
  priority: 0,
  expectedFingerprint: null,
  ...overrides,
});

describe('planSave (reads only)', () => {
  it('plans a same-region rule: SRR, both buckets to version, a role scoped to the prefix', async () => {
    const result = await planSave(backend.deps, input({}));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan } = result;
    expect(plan.crossRegion).toBe(false);
    expect(plan.versioningToEnable).toEqual([
      { bucket: 'plan-src', region: 'eu-west-1', from: 'NeverEnabled' },
      { bucket: 'plan-same-region', region: 'eu-west-1', from: 'NeverEnabled' },
    ]);
    expect(plan.role).toMatchObject({ kind: 'new', name: 's3crr_role_for_plan-src_to_plan-same-region', exists: false });
    const policy = JSON.stringify(plan.role.kind === 'new' ? plan.role.permissionPolicy : null);
    expect(policy).toContain('arn:aws:s3:::plan-src/reports/*');
    expect(policy).toContain('arn:aws:s3:::plan-same-region/reports/*');
    expect(plan.nextConfiguration.Rules).toEqual([
      expect.objectContaining({ ID: 'to-dr', Filter: { Prefix: 'reports/' }, DeleteMarkerReplication: { Status: 'Enabled' } }),
    ]);
    expect(plan.destinationBucketPolicy).toBeNull();
    // Planning changed nothing.
    const versioning = await backend.deps.s3('eu-west-1').send(new GetBucketVersioningCommand({ Bucket: 'plan-src' }));
    expect(versioning.Status).toBeUndefined();
  });

  it('plans a destination in another account: owner override, the bucket policy its owner must apply', async () => {
    const result = await planSave(
      backend.deps,
      input({ destination: { account: 'other', accountId: '444455556666', bucket: 'their-bucket' }, ownerOverride: true }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan } = result;
    expect(plan.crossRegion).toBeNull();
    expect(plan.versioningToEnable.map((change) => change.bucket)).toEqual(['plan-src']);
    expect(plan.nextConfiguration.Rules[0].Destination).toMatchObject({
      Bucket: 'arn:aws:s3:::their-bucket',
      Account: '444455556666',
      AccessControlTranslation: { Owner: 'Destination' },
    });
    const bucketPolicy = JSON.stringify(plan.destinationBucketPolicy);
    expect(bucketPolicy).toContain(plan.role.arn);
    expect(bucketPolicy).toContain('s3:ObjectOwnerOverrideToBucketOwner');
    const { Buckets } = await backend.deps.s3().send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name)).not.toContain('their-bucket');
  });

  it('refuses a destination whose versioning these credentials can neither read nor enable', async () => {
    const { iam } = backend.deps;
    await iam.send(new CreateUserCommand({ UserName: 'limited-operator' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'limited-operator',
        PolicyName: 'all-but-destination-versioning',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['s3:*', 'iam:*', 'sts:*'], Resource: '*' },
            {
              Effect: 'Deny',
              Action: ['s3:GetBucketVersioning', 's3:PutBucketVersioning'],
              Resource: 'arn:aws:s3:::plan-same-region',
            },
          ],
        }),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'limited-operator' }));
    const limited = backend.depsFor({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' });
    const result = await planSave(limited, input({}));
    expect(result).toMatchObject({
      ok: false,
      refusal: { fieldErrors: { 'destination.bucket': [expect.stringContaining('cannot be read or enabled')] } },
    });
  });

  it('refuses a source bucket that does not exist', async () => {
    const result = await planSave(backend.deps, input({ sourceBucket: 'no-such-source' }));
    expect(result).toMatchObject({ ok: false, refusal: { code: 'NoSuchBucket', fieldErrors: { sourceBucket: [expect.any(String)] } } });
  });
});
