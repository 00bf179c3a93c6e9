import { ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';
import { ACCOUNT, iamClientFor, queryApiPost, stsClientFor } from './iam.testkit';

const endpoint = endpointForSuite();

describe('IAM / STS Query protocol', () => {
  it('answers IAM XML with the response envelope and request id', async () => {
    const { status, body } = await queryApiPost(endpoint.emulator, 'iam', { Action: 'ListUsers', Version: '2010-05-08' });
    expect(status).toBe(200);
    expect(body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListUsersResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><ListUsersResult><Users><\/Users><IsTruncated>false<\/IsTruncated><\/ListUsersResult><ResponseMetadata><RequestId>[0-9A-F]+<\/RequestId><\/ResponseMetadata><\/ListUsersResponse>$/,
    );
  });

  it('an unknown IAM action is InvalidAction (400) in an ErrorResponse', async () => {
    const { status, body } = await queryApiPost(endpoint.emulator, 'iam', { Action: 'LaunchRocket', Version: '2010-05-08' });
    expect(status).toBe(400);
    expect(body).toContain(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>InvalidAction</Code>' +
        '<Message>Could not find operation LaunchRocket for version 2010-05-08</Message></Error><RequestId>',
    );
  });

  it('a missing Action is MissingAction (400)', async () => {
    const { status, body } = await queryApiPost(endpoint.emulator, 'iam', { Version: '2010-05-08' });
    expect(status).toBe(400);
    expect(body).toContain('<Code>MissingAction</Code>');
  });

  it('an unsigned request is MissingAuthenticationToken (403)', async () => {
    const { status, body } = await queryApiPost(endpoint.emulator, 'iam', { Action: 'ListUsers', Version: '2010-05-08' }, null);
    expect(status).toBe(403);
    expect(body).toContain('<Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>');
  });

  it('an unknown key is InvalidClientTokenId (403) for IAM and STS', async () => {
    const stranger = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const iam = iamClientFor(endpoint.emulator, stranger);
    const sts = stsClientFor(endpoint.emulator, stranger);
    try {
      const expected = { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 };
      expect(await s3Failure(iam.send(new ListUsersCommand({})))).toMatchObject(expected);
      expect(await s3Failure(sts.send(new GetCallerIdentityCommand({})))).toMatchObject(expected);
    } finally {
      iam.destroy();
      sts.destroy();
    }
  });

  it('STS: GetCallerIdentity for the root key; other STS actions are InvalidAction', async () => {
    const sts = stsClientFor(endpoint.emulator);
    try {
      expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
        Arn: `arn:aws:iam::${ACCOUNT}:root`,
        UserId: ACCOUNT,
        Account: ACCOUNT,
      });
      expect(await s3Failure(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/x`, RoleSessionName: 's' })))).toMatchObject({
        name: 'InvalidAction',
        message: 'Could not find operation AssumeRole for version 2011-06-15',
        status: 400,
      });
    } finally {
      sts.destroy();
    }
    const { body } = await queryApiPost(endpoint.emulator, 'sts', { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>');
  });
});
