import { describe, expect, it } from 'vitest';
import { trustsService } from '@/lib/iam/evaluate';
import { ADMINISTRATOR_ACCESS_POLICY, parsePolicyDocument, policyStatements } from '@/lib/iam/policy-document';
import {
  destinationBucketPolicy,
  missingStatements,
  policyNameFor,
  replicationPermissionPolicy,
  replicationTrustPolicy,
  roleNameFor,
} from '@/lib/replication/policy';
import type { ReplicationRule } from '@/lib/replication/schema';

const rule = (over: Partial<ReplicationRule>): ReplicationRule => ({
  ID: 'r',
  Priority: 1,
  Filter: {},
  Status: 'Enabled',
  Destination: { Bucket: 'arn:aws:s3:::dst' },
  DeleteMarkerReplication: { Status: 'Disabled' },
  ...over,
});

describe('replicationTrustPolicy', () => {
  it('trusts S3 (and Batch Operations when asked) and is a valid trust policy', () => {
    const live = replicationTrustPolicy();
    expect(trustsService(live, 's3.amazonaws.com')).toBe(true);
    expect(trustsService(live, 'batchoperations.s3.amazonaws.com')).toBe(false);
    const batch = replicationTrustPolicy({ batch: true });
    expect(trustsService(batch, 'batchoperations.s3.amazonaws.com')).toBe(true);
    expect(parsePolicyDocument(JSON.stringify(batch), 'trust').ok).toBe(true);
  });
});

describe('replicationPermissionPolicy', () => {
  it('whole-bucket rule: the documented minimum', () => {
    expect(replicationPermissionPolicy({ sourceBucket: 'src', configuration: { Rules: [rule({})] } })).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'SourceBucketConfiguration', Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: 'arn:aws:s3:::src' },
        {
          Sid: 'SourceObjectVersions',
          Effect: 'Allow',
          Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
          Resource: ['arn:aws:s3:::src/*'],
        },
        { Sid: 'DestinationReplicate', Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: ['arn:aws:s3:::dst/*'] },
      ],
    });
  });

  it('scopes to prefixes, adds owner override, KMS, Object Lock and batch statements', () => {
    const policy = replicationPermissionPolicy({
      sourceBucket: 'src',
      sourceRegion: 'us-east-1',
      regionOf: (b) => (b === 'dr' ? 'eu-west-1' : undefined),
      objectLock: true,
      configuration: {
        Rules: [
          rule({ ID: 'logs', Filter: { Prefix: 'logs/' } }),
          rule({
            ID: 'tax',
            Priority: 2,
            Filter: { And: { Prefix: 'tax/', Tags: [{ Key: 'k', Value: 'v' }] } },
            SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
            Destination: {
              Bucket: 'arn:aws:s3:::dr',
              Account: '444455556666',
              AccessControlTranslation: { Owner: 'Destination' },
              EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:eu-west-1:444455556666:key/k1' },
            },
          }),
        ],
      },
      batch: { reportBucket: 'reports', reportPrefix: 'batch/' },
    });
    expect(parsePolicyDocument(JSON.stringify(policy), 'identity')).toEqual({ ok: true, document: policy });
    const bySid = Object.fromEntries(policyStatements(policy).map((s) => [s.Sid, s]));
    expect(bySid.SourceObjectVersions.Resource).toEqual(['arn:aws:s3:::src/logs/*', 'arn:aws:s3:::src/tax/*']);
    expect(bySid.SourceObjectVersions.Action).toContain('s3:GetObjectLegalHold');
    expect(bySid.DestinationReplicate.Resource).toEqual(['arn:aws:s3:::dst/logs/*', 'arn:aws:s3:::dr/tax/*']);
    expect(bySid.DestinationOwnerOverride).toEqual({
      Sid: 'DestinationOwnerOverride',
      Effect: 'Allow',
      Action: 's3:ObjectOwnerOverrideToBucketOwner',
      Resource: ['arn:aws:s3:::dr/tax/*'],
    });
    expect(bySid.SourceKmsDecrypt.Condition).toEqual({
      StringLike: {
        'kms:ViaService': 's3.us-east-1.amazonaws.com',
        'kms:EncryptionContext:aws:s3:arn': ['arn:aws:s3:::src', 'arn:aws:s3:::src/logs/*', 'arn:aws:s3:::src/tax/*'],
      },
    });
    expect(bySid.DestinationKmsEncrypt1).toEqual({
      Sid: 'DestinationKmsEncrypt1',
      Effect: 'Allow',
      Action: 'kms:Encrypt',
      Resource: 'arn:aws:kms:eu-west-1:444455556666:key/k1',
      Condition: { StringLike: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': ['arn:aws:s3:::dr', 'arn:aws:s3:::dr/tax/*'] } },
    });
    expect(bySid.BatchInitiateReplication.Action).toBe('s3:InitiateReplication');
    expect(bySid.BatchWriteReport.Resource).toEqual(['arn:aws:s3:::reports/batch/*']);
    for (const statement of policyStatements(policy)) {
      for (const action of [statement.Action ?? []].flat()) expect(action).not.toContain('*');
    }
  });

  it('escapes IAM wildcard characters that appear in a prefix', () => {
    const policy = replicationPermissionPolicy({ sourceBucket: 'src', configuration: { Rules: [rule({ Filter: { Prefix: 'a*b$' } })] } });
    expect(policyStatements(policy)[1].Resource).toEqual(['arn:aws:s3:::src/a${*}b${$}*']);
  });
});

describe('missingStatements', () => {
  const required = replicationPermissionPolicy({ sourceBucket: 'src', configuration: { Rules: [rule({ Filter: { Prefix: 'logs/' } })] } });
  it('nothing is missing from the same policy or from AdministratorAccess', () => {
    expect(missingStatements([required], required)).toEqual([]);
    expect(missingStatements([ADMINISTRATOR_ACCESS_POLICY], required)).toEqual([]);
  });
  it('lists each uncovered action and resource', () => {
    const existing = {
      Version: '2012-10-17' as const,
      Statement: [
        { Effect: 'Allow' as const, Action: ['s3:Get*', 's3:ListBucket'], Resource: ['arn:aws:s3:::src', 'arn:aws:s3:::src/*'] },
        { Effect: 'Allow' as const, Action: 's3:ReplicateObject', Resource: 'arn:aws:s3:::dst/*' },
        { Effect: 'Deny' as const, Action: 's3:GetObjectVersionTagging', Resource: '*' },
      ],
    };
    expect(missingStatements([existing], required)).toEqual([
      { sid: 'SourceObjectVersions', action: 's3:GetObjectVersionTagging', resource: 'arn:aws:s3:::src/logs/*' },
      { sid: 'DestinationReplicate', action: 's3:ReplicateDelete', resource: 'arn:aws:s3:::dst/logs/*' },
      { sid: 'DestinationReplicate', action: 's3:ReplicateTags', resource: 'arn:aws:s3:::dst/logs/*' },
    ]);
  });
});

describe('destinationBucketPolicy', () => {
  it('grants the source role replication on the destination, with owner override when a rule asks for it', () => {
    const policy = destinationBucketPolicy({
      roleArn: 'arn:aws:iam::111122223333:role/service-role/r',
      destinationBucket: 'dr',
      configuration: {
        Rules: [
          rule({ Destination: { Bucket: 'arn:aws:s3:::dr', Account: '4', AccessControlTranslation: { Owner: 'Destination' } } }),
          rule({ ID: 'other', Filter: { Prefix: 'x/' } }),
        ],
      },
    });
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowReplicationToObjects',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/service-role/r' },
          Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags', 's3:ObjectOwnerOverrideToBucketOwner'],
          Resource: ['arn:aws:s3:::dr/*'],
        },
        {
          Sid: 'AllowReadingBucketVersioning',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/service-role/r' },
          Action: 's3:GetBucketVersioning',
          Resource: 'arn:aws:s3:::dr',
        },
      ],
    });
    expect(parsePolicyDocument(JSON.stringify(policy), 'resource').ok).toBe(true);
  });
});

describe('role and policy names', () => {
  const long63 = `a${'b'.repeat(61)}c`;
  const cases: [string, string, string, string][] = [
    ['src', 'dst', 's3crr_role_for_src_to_dst', 's3crr_for_src_to_dst'],
    [
      'govwifi-staging-dublin-tfstate',
      'govwifi-staging-london-tfstate',
      roleNameFor('govwifi-staging-dublin-tfstate', 'govwifi-staging-london-tfstate'),
      's3crr_for_govwifi-staging-dublin-tfstate_to_govwifi-staging-london-tfstate',
    ],
  ];
  it.each(cases)('%s → %s', (source, destination, role, policy) => {
    expect(roleNameFor(source, destination)).toBe(role);
    expect(policyNameFor(source, destination)).toBe(policy);
  });
  it('fits IAM limits deterministically and keeps different pairs apart', () => {
    const a = roleNameFor(long63, 'dst-one');
    const b = roleNameFor(long63, 'dst-two');
    expect(a).toHaveLength(64);
    expect(a).toMatch(/^s3crr_role_for_ab+_[0-9a-f]{6}$/);
    expect(a).toBe(roleNameFor(long63, 'dst-one'));
    expect(a).not.toBe(b);
    expect(policyNameFor(long63, long63).length).toBe(128);
    expect(policyNameFor(long63, long63)).toMatch(/^[\w+=,.@-]+$/);
  });
});
