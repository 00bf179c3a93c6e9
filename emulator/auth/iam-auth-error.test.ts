import { describe, expect, it } from 'vitest';
import {
  accessDenied,
  headerMalformed,
  invalidAccessKeyId,
  missingDate,
  presignExpired,
  requestTimeTooSkewed,
  signatureDoesNotMatch,
} from './auth-error';
import { toIamAuthFailure } from './iam-auth-error';

describe('toIamAuthFailure', () => {
  it('maps S3 authentication errors to the codes IAM and STS use', () => {
    expect(toIamAuthFailure(invalidAccessKeyId('AKID'))).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
    expect(toIamAuthFailure(accessDenied())).toMatchObject({ code: 'MissingAuthenticationToken', status: 403 });
    expect(toIamAuthFailure(missingDate())).toMatchObject({ code: 'IncompleteSignature', status: 400 });
    expect(toIamAuthFailure(headerMalformed('x'))).toMatchObject({ code: 'IncompleteSignature', status: 400 });
    const mismatch = toIamAuthFailure(
      signatureDoesNotMatch({ accessKeyId: 'A', stringToSign: 's', signatureProvided: 'p', canonicalRequest: 'c' }),
    );
    expect(mismatch).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    expect(mismatch.message).toMatch(/Check your AWS Secret Access Key and signing method/);
    const expired = presignExpired('60', new Date('2026-01-01T00:01:00Z'), new Date('2026-01-01T00:02:00Z'));
    expect(toIamAuthFailure(expired)).toMatchObject({ code: 'AccessDenied', message: 'Request has expired' });
  });

  it('words clock skew the way STS does', () => {
    const server = new Date('2026-11-27T12:00:00Z');
    expect(toIamAuthFailure(requestTimeTooSkewed('20261127T113000Z', server))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20261127T113000Z is now earlier than 20261127T114500Z (20261127T120000Z - 15 min.)',
      status: 403,
    });
    expect(toIamAuthFailure(requestTimeTooSkewed('20261127T123000Z', server)).message).toBe(
      'Signature not yet current: 20261127T123000Z is still later than 20261127T121500Z (20261127T120000Z + 15 min.)',
    );
  });
});
