import { describe, expect, it } from 'vitest';
import { isAllowed, trustsService, wildcardMatch, type PolicyDecision, type RequestContext } from '@/lib/iam/evaluate';
import { ADMINISTRATOR_ACCESS_POLICY, type PolicyDocument } from '@/lib/iam/policy-document';

const allow = (Action: string | string[], Resource: string | string[], extra: object = {}): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource, ...extra }],
});
const deny = (Action: string | string[], Resource: string | string[], extra: object = {}): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action, Resource, ...extra }],
});

describe('isAllowed', () => {
  const cases: { name: string; policies: PolicyDocument[]; action: string; resource: string; context?: RequestContext; decision: PolicyDecision }[] = [
    { name: 'no policies', policies: [], action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'ImplicitDeny' },
    { name: 'exact allow', policies: [allow('s3:GetObject', 'arn:aws:s3:::b/k')], action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'Allow' },
    { name: 'action case-insensitive', policies: [allow('S3:getobject', 'arn:aws:s3:::b/k')], action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'Allow' },
    { name: 'resource case-sensitive', policies: [allow('s3:GetObject', 'arn:aws:s3:::B/k')], action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'ImplicitDeny' },
    { name: 'action * wildcard', policies: [allow('s3:Replicate*', 'arn:aws:s3:::b/*')], action: 's3:ReplicateTags', resource: 'arn:aws:s3:::b/x/y', decision: 'Allow' },
    { name: 'action ? wildcard', policies: [allow('s3:Get?bject', '*')], action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'Allow' },
    { name: 'resource prefix wildcard mismatch', policies: [allow('s3:GetObject', 'arn:aws:s3:::b/logs/*')], action: 's3:GetObject', resource: 'arn:aws:s3:::b/img/1', decision: 'ImplicitDeny' },
    { name: 'explicit deny wins', policies: [ADMINISTRATOR_ACCESS_POLICY, deny('s3:Delete*', '*')], action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/k', decision: 'ExplicitDeny' },
    { name: 'NotAction allows all others', policies: [{ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } }], action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', decision: 'Allow' },
    { name: 'NotAction excludes', policies: [{ Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } }], action: 'iam:CreateRole', resource: '*', decision: 'ImplicitDeny' },
    { name: 'NotResource', policies: [{ Statement: { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::ok/*' } }, ADMINISTRATOR_ACCESS_POLICY], action: 's3:GetObject', resource: 'arn:aws:s3:::other/k', decision: 'ExplicitDeny' },
    {
      name: 'StringLike condition satisfied',
      policies: [allow('kms:Decrypt', '*', { Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } } })],
      action: 'kms:Decrypt',
      resource: 'arn:aws:kms:us-east-1:1:key/k',
      context: { conditionKeys: { 'kms:viaservice': 's3.us-east-1.amazonaws.com' } },
      decision: 'Allow',
    },
    {
      name: 'StringEquals condition key missing',
      policies: [allow('kms:Decrypt', '*', { Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } })],
      action: 'kms:Decrypt',
      resource: 'k',
      decision: 'ImplicitDeny',
    },
    {
      name: 'IfExists with missing key',
      policies: [allow('s3:*', '*', { Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '1' } } })],
      action: 's3:GetObject',
      resource: 'x',
      decision: 'Allow',
    },
    {
      name: 'Bool deny on insecure transport',
      policies: [ADMINISTRATOR_ACCESS_POLICY, deny('s3:*', '*', { Condition: { Bool: { 'aws:SecureTransport': false } } })],
      action: 's3:GetObject',
      resource: 'x',
      context: { conditionKeys: { 'aws:SecureTransport': false } },
      decision: 'ExplicitDeny',
    },
    {
      name: 'unsupported operator: an Allow does not allow',
      policies: [allow('s3:*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })],
      action: 's3:GetObject',
      resource: 'x',
      decision: 'ImplicitDeny',
    },
    {
      name: 'unsupported operator: a Deny denies',
      policies: [ADMINISTRATOR_ACCESS_POLICY, deny('s3:*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })],
      action: 's3:GetObject',
      resource: 'x',
      decision: 'ExplicitDeny',
    },
    {
      name: 'resource policy: account principal',
      policies: [{ Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:ReplicateObject', Resource: 'arn:aws:s3:::d/*' }] }],
      action: 's3:ReplicateObject',
      resource: 'arn:aws:s3:::d/k',
      context: { principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/service-role/r' } },
      decision: 'Allow',
    },
  ];
  it.each(cases)('$name', ({ policies, action, resource, context, decision }) => {
    expect(isAllowed(policies, action, resource, context).decision).toBe(decision);
  });

  it('reports the deciding statement', () => {
    const result = isAllowed([deny('s3:GetObject', 'x'), allow('s3:*', '*')], 's3:PutObject', 'x');
    expect(result.matchedStatement).toMatchObject({ policyIndex: 1, statementIndex: 0 });
  });
});

describe('trustsService', () => {
  const trust = (principal: object): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal as never, Action: 'sts:AssumeRole' }],
  });
  it.each([
    [trust({ Service: 's3.amazonaws.com' }), 's3.amazonaws.com', true],
    [trust({ Service: ['batchoperations.s3.amazonaws.com', 's3.amazonaws.com'] }), 's3.amazonaws.com', true],
    [trust({ Service: 'ec2.amazonaws.com' }), 's3.amazonaws.com', false],
    [trust({ AWS: 'arn:aws:iam::1:root' }), 's3.amazonaws.com', false],
  ] as const)('%# → %s', (policy, service, expected) => {
    expect(trustsService(policy, service)).toBe(expected);
  });
});

describe('wildcardMatch', () => {
  it('escapes regex characters', () => {
    expect(wildcardMatch('arn:aws:s3:::a.b/(x)+', 'arn:aws:s3:::a.b/(x)+', false)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::a.b/*', 'arn:aws:s3:::aXb/1', false)).toBe(false);
  });
  it('understands IAM escapes for literal *, ? and $', () => {
    expect(wildcardMatch('arn:aws:s3:::b/a${*}b${?}${$}*', 'arn:aws:s3:::b/a*b?$tail', false)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::b/a${*}b', 'arn:aws:s3:::b/aXb', false)).toBe(false);
  });
});
