import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { errorCode, rawRequest } from '../test/raw-request';

const t = endpointForSuite();
beforeAll(async () => {
  const created = await rawRequest(t.emulator, { method: 'PUT', path: '/pipeline' });
  expect(created.status).toBe(200);
});

describe('HTTP pipeline', () => {
  it('answers the health check without authentication', async () => {
    const response = await rawRequest(t.emulator, { method: 'GET', path: '/_emulator/health', sign: false });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
  });

  it('refuses unauthenticated S3 requests with AccessDenied', async () => {
    const response = await rawRequest(t.emulator, { method: 'GET', path: '/', sign: false });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe('application/xml');
    expect(errorCode(response)).toBe('AccessDenied');
    expect(response.body).toMatch(/<RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
    expect(response.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(response.headers['x-amz-id-2']).toBeTruthy();
  });

  it('refuses a wrong signature with SignatureDoesNotMatch', async () => {
    const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const response = await rawRequest(t.emulator, {
      method: 'GET',
      path: '/',
      sign: false,
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${t.emulator.credentials.accessKeyId}/${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`,
        'x-amz-date': amzDate,
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('SignatureDoesNotMatch');
    expect(response.body).toContain('<StringToSign>');
  });

  it('answers NotImplemented for unsupported subresources and MethodNotAllowed for wrong verbs', async () => {
    for (const sub of ['acl', 'policy', 'cors', 'lifecycle', 'website', 'logging', 'notification', 'encryption', 'object-lock', 'ownershipControls', 'publicAccessBlock']) {
      const response = await rawRequest(t.emulator, { method: 'GET', path: `/pipeline?${sub}` });
      expect(response.status, sub).toBe(501);
      expect(errorCode(response)).toBe('NotImplemented');
    }
    const post = await rawRequest(t.emulator, { method: 'POST', path: '/pipeline/key' });
    expect(post.status).toBe(405);
    expect(errorCode(post)).toBe('MethodNotAllowed');
    const patch = await rawRequest(t.emulator, { method: 'PATCH', path: '/pipeline' });
    expect(patch.status).toBe(405);
  });

  it('sends HEAD errors without a body', async () => {
    const response = await rawRequest(t.emulator, { method: 'HEAD', path: '/pipeline/missing' });
    expect(response.status).toBe(404);
    expect(response.body).toBe('');
    expect(response.headers['x-amz-request-id']).toBeTruthy();
  });

  it('routes virtual-host style requests', async () => {
    const put = await rawRequest(t.emulator, {
      method: 'PUT',
      path: '/vhost-key',
      body: 'via host',
      headers: { host: `pipeline.localhost:${t.emulator.port}` },
    });
    expect(put.status).toBe(200);
    const get = await rawRequest(t.emulator, { method: 'GET', path: '/pipeline/vhost-key' });
    expect(get.body).toBe('via host');
  });

  it('checks x-amz-content-sha256 against the body', async () => {
    const response = await rawRequest(t.emulator, {
      method: 'PUT',
      path: '/pipeline/sha',
      body: 'actual body',
      headers: { 'x-amz-content-sha256': 'a'.repeat(64) },
    });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('XAmzContentSHA256Mismatch');
    const get = await rawRequest(t.emulator, { method: 'GET', path: '/pipeline/sha' });
    expect(get.status).toBe(404);
  });

  it('routes IAM and STS requests to the IAM dispatcher', async () => {
    const response = await rawRequest(t.emulator, {
      method: 'POST',
      path: '/',
      service: 'iam',
      body: 'Action=NoSuchThing&Version=2010-05-08',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    expect(response.body).toContain('<ErrorResponse');
    expect(response.status).not.toBe(500);
  });

  it('turns an unexpected failure into a logged InternalError carrying the request id', async () => {
    const unregister = t.emulator.store.onVersionCreated(() => {
      throw new Error('simulated bug');
    });
    try {
      const response = await rawRequest(t.emulator, { method: 'PUT', path: '/pipeline/boom', body: 'x' });
      expect(response.status).toBe(500);
      expect(errorCode(response)).toBe('InternalError');
      const requestId = response.headers['x-amz-request-id'] as string;
      expect(response.body).toContain(`<RequestId>${requestId}</RequestId>`);
      expect(response.body).not.toContain('simulated bug');
      expect(t.errors).toHaveLength(1);
      expect(t.errors[0]).toContain(requestId);
      expect(t.errors[0]).toContain('simulated bug');
    } finally {
      unregister();
      t.errors.length = 0;
    }
    const after = await rawRequest(t.emulator, { method: 'GET', path: '/pipeline/boom' });
    expect(after.status).toBe(404);
  });

  it('never answers 500 to malformed input', async () => {
    const cases: { method: string; path: string; body?: string; headers?: Record<string, string> }[] = [
      { method: 'PUT', path: '/pipeline?versioning', body: '<VersioningConfiguration><Status>Enabled' },
      { method: 'PUT', path: '/pipeline?versioning', body: 'not xml at all' },
      {
        method: 'PUT',
        path: '/pipeline?versioning',
        body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><VersioningConfiguration><Status>&b;</Status></VersioningConfiguration>',
      },
      { method: 'PUT', path: '/pipeline?versioning', body: '<Other/>' },
      { method: 'PUT', path: '/pipeline?tagging', body: '<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>' },
      { method: 'POST', path: '/pipeline?delete', body: '<Delete></Delete>' },
      { method: 'POST', path: '/pipeline?delete', body: '<Delete><Object><Key>a</Key><Key>b</Key></Object></Delete>' },
      { method: 'PUT', path: '/pipeline/%E0%A4%A' },
      { method: 'GET', path: '/pipeline?list-type=2&max-keys=abc' },
      { method: 'GET', path: '/pipeline?list-type=2&continuation-token=%%%' },
      { method: 'GET', path: '/pipeline?versions&version-id-marker=x' },
      { method: 'GET', path: '/pipeline/sha', headers: { range: 'bytes=5-2' } },
      { method: 'GET', path: '/pipeline/vhost-key', headers: { range: 'bytes=99999-' } },
      { method: 'GET', path: '/pipeline/vhost-key', headers: { 'if-modified-since': 'yesterday-ish' } },
      { method: 'PUT', path: '/pipeline/copy', headers: { 'x-amz-copy-source': '%' } },
      { method: 'PUT', path: '/pipeline/copy', headers: { 'x-amz-copy-source': 'pipeline' } },
      { method: 'PUT', path: '/pipeline/copy', headers: { 'x-amz-copy-source': 'pipeline/vhost-key', 'x-amz-metadata-directive': 'MOVE' } },
      { method: 'PUT', path: '/pipeline/k', headers: { 'x-amz-storage-class': 'COLD' } },
      { method: 'PUT', path: '/pipeline/k', headers: { 'x-amz-server-side-encryption': 'rot13' } },
      { method: 'PUT', path: '/pipeline/k', headers: { 'x-amz-tagging': 'aws:k=v' } },
      { method: 'PUT', path: '/pipeline/k', headers: { 'x-amz-checksum-crc32': 'not base64!' } },
      { method: 'PUT', path: '/pipeline/k', body: 'x', headers: { 'x-amz-checksum-crc32': 'AAAAAA==' } },
      { method: 'PUT', path: '/pipeline/k', body: 'x', headers: { 'x-amz-checksum-crc32': 'AAAAAA==', 'x-amz-checksum-crc32c': 'AAAAAA==' } },
      { method: 'PUT', path: '/pipeline/k', body: 'x', headers: { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' } },
      { method: 'PUT', path: '/pipeline/k', body: 'zz\r\nxx', headers: { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-trailer': 'x-amz-checksum-crc32' } },
      { method: 'PUT', path: '/pipeline/k?partNumber=1&uploadId=nope', body: 'x' },
      { method: 'POST', path: '/pipeline/k?uploadId=nope', body: '<CompleteMultipartUpload/>' },
      { method: 'GET', path: '/pipeline/k?uploadId=nope&part-number-marker=-1' },
      { method: 'PUT', path: '/pipeline', body: '<CreateBucketConfiguration><LocationConstraint>x</LocationConstraint></CreateBucketConfiguration>' },
      { method: 'PUT', path: '/pipeline?versioning', body: `<VersioningConfiguration>${'<a>'.repeat(5000)}</VersioningConfiguration>` },
      { method: 'PUT', path: '/pipeline?tagging', body: 'x'.repeat(2 * 1024 * 1024) },
      { method: 'GET', path: '/_emulator/unknown' },
      { method: 'DELETE', path: '/pipeline/k?versionId=' },
    ];
    for (const testCase of cases) {
      const response = await rawRequest(t.emulator, testCase);
      const label = `${testCase.method} ${testCase.path} ${JSON.stringify(testCase.headers ?? {})}`;
      expect(response.status, label).toBeLessThan(500);
      if (response.status >= 400 && !testCase.path.startsWith('/_emulator')) {
        expect(errorCode(response), label).toBeTruthy();
      }
    }
  });
});
