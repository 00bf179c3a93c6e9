import { describe, expect, it } from 'vitest';
import { describeAwsError } from './errors';

function serviceError(name: string, fault: 'client' | 'server', status?: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

describe('describeAwsError', () => {
  it('keeps the name, message and status of an S3/IAM error', () => {
    expect(describeAwsError(serviceError('NoSuchBucket', 'client', 404))).toEqual({
      code: 'NoSuchBucket',
      message: 'NoSuchBucket happened',
      status: 404,
    });
  });

  it('falls back to 400 / 502 by fault when the status is missing or not an error status', () => {
    expect(describeAwsError(serviceError('PermanentRedirect', 'client', 301))?.status).toBe(400);
    expect(describeAwsError(serviceError('InternalError', 'server'))?.status).toBe(502);
  });

  it('recognises refused connections, also inside an AggregateError or a cause, and timeouts', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused], 'all addresses failed');
    const wrapped = new Error('fetch failed', { cause: refused });
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    for (const error of [refused, aggregate, wrapped, timeout]) {
      expect(describeAwsError(error)).toMatchObject({ code: 'EndpointUnreachable', status: 502 });
    }
  });

  it('reports missing credentials as CredentialsError', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(describeAwsError(error)).toEqual({
      code: 'CredentialsError',
      message: 'Could not load credentials from any providers',
      status: 401,
    });
  });

  it('leaves everything else to the caller', () => {
    expect(describeAwsError(new TypeError('x is undefined'))).toBeUndefined();
    expect(describeAwsError('a string')).toBeUndefined();
    expect(describeAwsError(Object.assign(new Error('no'), { code: 'EACCES' }))).toBeUndefined();
  });
});
