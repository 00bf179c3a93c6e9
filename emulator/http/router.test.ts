import { describe, expect, it } from 'vitest';
import { S3Error } from '../s3/errors';
import { routeRequest, type RoutableRequest } from './router';

function route(method: string, url: string, extra: Partial<RoutableRequest> = {}) {
  const [rawPath, rawQuery = ''] = url.split('?');
  return routeRequest({
    method,
    rawPath,
    query: new URLSearchParams(rawQuery),
    host: '127.0.0.1:4510',
    contentType: undefined,
    signedService: 's3',
    hasCopySource: false,
    ...extra,
  });
}

function failure(method: string, url: string): string {
  try {
    route(method, url);
  } catch (error) {
    if (error instanceof S3Error) return `${error.code} ${error.status}`;
  }
  return 'no error';
}

describe('routeRequest', () => {
  it.each([
    ['GET', '/', 'ListBuckets'],
    ['PUT', '/b', 'CreateBucket'],
    ['HEAD', '/b', 'HeadBucket'],
    ['DELETE', '/b', 'DeleteBucket'],
    ['GET', '/b?location', 'GetBucketLocation'],
    ['GET', '/b?versioning', 'GetBucketVersioning'],
    ['PUT', '/b?versioning', 'PutBucketVersioning'],
    ['GET', '/b?tagging', 'GetBucketTagging'],
    ['PUT', '/b?tagging', 'PutBucketTagging'],
    ['DELETE', '/b?tagging', 'DeleteBucketTagging'],
    ['PUT', '/b?replication', 'PutBucketReplication'],
    ['GET', '/b', 'ListObjects'],
    ['GET', '/b?list-type=2', 'ListObjectsV2'],
    ['GET', '/b?versions', 'ListObjectVersions'],
    ['GET', '/b?uploads', 'ListMultipartUploads'],
    ['POST', '/b?delete', 'DeleteObjects'],
    ['PUT', '/b/k', 'PutObject'],
    ['GET', '/b/k', 'GetObject'],
    ['HEAD', '/b/k', 'HeadObject'],
    ['DELETE', '/b/k', 'DeleteObject'],
    ['GET', '/b/k?tagging', 'GetObjectTagging'],
    ['POST', '/b/k?uploads', 'CreateMultipartUpload'],
    ['PUT', '/b/k?partNumber=1&uploadId=u', 'UploadPart'],
    ['POST', '/b/k?uploadId=u', 'CompleteMultipartUpload'],
    ['DELETE', '/b/k?uploadId=u', 'AbortMultipartUpload'],
    ['GET', '/b/k?uploadId=u', 'ListParts'],
  ])('%s %s → %s', (method, url, operation) => {
    expect(route(method, url)).toMatchObject({ service: 's3', operation });
  });

  it('distinguishes copies by x-amz-copy-source', () => {
    expect(route('PUT', '/b/k', { hasCopySource: true })).toMatchObject({ operation: 'CopyObject' });
    expect(route('PUT', '/b/k?partNumber=2&uploadId=u', { hasCopySource: true })).toMatchObject({ operation: 'UploadPartCopy' });
  });

  it('decodes keys, keeping path-like keys as keys', () => {
    expect(route('GET', '/b/..%2F..%2Fetc/passwd')).toMatchObject({ bucket: 'b', key: '../../etc/passwd' });
    expect(route('GET', '/b/%E6%97%A5%E6%9C%AC/a%20b+c')).toMatchObject({ key: '日本/a b+c' });
  });

  it('reads the bucket from a <bucket>.localhost host', () => {
    expect(route('GET', '/dir/key', { host: 'my-bucket.localhost:4510' })).toMatchObject({ bucket: 'my-bucket', key: 'dir/key' });
    expect(route('GET', '/', { host: 'my-bucket.localhost' })).toMatchObject({ bucket: 'my-bucket', operation: 'ListObjects' });
  });

  it('sends IAM, STS and admin requests to their services', () => {
    expect(route('POST', '/', { signedService: 'iam' })).toEqual({ service: 'iam' });
    expect(route('GET', '/?Action=GetCallerIdentity', { signedService: 'sts' })).toEqual({ service: 'sts' });
    expect(
      route('POST', '/?Action=GetCallerIdentity', { signedService: undefined, contentType: 'application/x-www-form-urlencoded' }),
    ).toEqual({ service: 'sts' });
    expect(route('GET', '/_emulator/health')).toEqual({ service: 'admin', path: '/_emulator/health' });
  });

  it('answers NotImplemented for unsupported subresources and MethodNotAllowed for wrong verbs', () => {
    expect(failure('GET', '/b?acl')).toBe('NotImplemented 501');
    expect(failure('PUT', '/b?lifecycle')).toBe('NotImplemented 501');
    expect(failure('GET', '/b/k?retention')).toBe('NotImplemented 501');
    expect(failure('POST', '/b/k')).toBe('MethodNotAllowed 405');
    expect(failure('PUT', '/')).toBe('MethodNotAllowed 405');
    expect(failure('GET', '/b/%E0%A4%A')).toBe('InvalidURI 400');
  });
});
