import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR_ACCESS_POLICY, POLICY_MESSAGES as M, parsePolicyDocument, type PolicyKind } from '@/lib/iam/policy-document';

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const identity = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': true } } },
});
const statement = (s: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [s] });

describe('parsePolicyDocument', () => {
  const cases: { name: string; text: string; kind: PolicyKind; message?: string }[] = [
    { name: 'valid trust policy', text: trust, kind: 'trust' },
    { name: 'valid identity policy, Statement as an object', text: identity, kind: 'identity' },
    { name: '2008 version accepted', text: JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), kind: 'identity' },
    { name: 'no Version accepted', text: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), kind: 'identity' },
    { name: 'invalid JSON', text: '{"Version":', kind: 'identity', message: M.invalidJson },
    { name: 'JSON array', text: '[]', kind: 'identity', message: M.syntax },
    { name: 'missing Statement', text: '{"Version":"2012-10-17"}', kind: 'identity', message: M.syntax },
    { name: 'unknown top-level key', text: '{"Version":"2012-10-17","Statement":[],"X":1}', kind: 'identity', message: M.syntax },
    { name: 'empty Statement list', text: '{"Version":"2012-10-17","Statement":[]}', kind: 'identity', message: M.syntax },
    { name: 'bad Effect', text: statement({ Effect: 'allow', Action: '*', Resource: '*' }), kind: 'identity', message: M.syntax },
    { name: 'Action and NotAction', text: statement({ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' }), kind: 'identity', message: M.syntax },
    { name: 'bad Version', text: JSON.stringify({ Version: '2012-10-18', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), kind: 'identity', message: M.legacyParsing },
    { name: 'Principal in identity policy', text: trust.replace('"Action"', '"Resource":"*","Action"'), kind: 'identity', message: M.principalInIdentityPolicy },
    { name: 'Resource in trust policy', text: trust.replace('"Action"', '"Resource":"*","Action"'), kind: 'trust', message: M.resourceInTrustPolicy },
    { name: 'trust policy without Principal', text: statement({ Effect: 'Allow', Action: 'sts:AssumeRole' }), kind: 'trust', message: M.missingPrincipal },
    { name: 'duplicate Sid', text: JSON.stringify({ Statement: [{ Sid: 'a', Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'a', Effect: 'Deny', Action: '*', Resource: '*' }] }), kind: 'identity', message: M.duplicateSid },
    { name: 'no actions', text: statement({ Effect: 'Allow', Resource: '*' }), kind: 'identity', message: M.missingActions },
    { name: 'no resources', text: statement({ Effect: 'Allow', Action: '*' }), kind: 'identity', message: M.missingResources },
    { name: 'action without vendor', text: statement({ Effect: 'Allow', Action: 'GetObject', Resource: '*' }), kind: 'identity', message: M.actionVendor },
    { name: 'resource not an ARN', text: statement({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket/*' }), kind: 'identity', message: 'Resource bucket/* must be in ARN format or "*".' },
  ];
  it.each(cases)('$name', ({ text, kind, message }) => {
    const result = parsePolicyDocument(text, kind);
    if (message === undefined) expect(result).toEqual({ ok: true, document: JSON.parse(text) });
    else expect(result).toEqual({ ok: false, error: { code: 'MalformedPolicyDocument', message } });
  });

  it('AdministratorAccess is a valid identity policy', () => {
    expect(parsePolicyDocument(JSON.stringify(ADMINISTRATOR_ACCESS_POLICY), 'identity').ok).toBe(true);
  });
});
