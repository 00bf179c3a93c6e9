import { createHash, createHmac } from 'node:crypto';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { NodeSha256 } from './sigv4-crypto';
import {
  hasAuthentication,
  parseCredentialScopeService,
  verifySigV4,
  type IncomingSignedRequest,
  type SecretLookup,
} from './sigv4';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const lookup: SecretLookup = (id) => (id === AKID ? { secretAccessKey: SECRET } : undefined);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const DOC_TIME = new Date('2013-05-24T00:00:00Z');

async function expectAuthError(
  promise: Promise<unknown>,
  code: string,
  status: number,
  message?: string | RegExp,
): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  const authError = error as AuthError;
  expect({ code: authError.code, status: authError.status }).toEqual({ code, status });
  if (message !== undefined) expect(authError.message).toMatch(message);
  return authError;
}

/** AWS documentation, "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk". */
const docGetObject: IncomingSignedRequest = {
  method: 'GET',
  rawPath: '/test.txt',
  rawQuery: '',
  headers: {
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
      'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  },
};

/** AWS documentation, "Authenticating Requests: Using Query Parameters". */
const docPresignedGet: IncomingSignedRequest = {
  method: 'GET',
  rawPath: '/test.txt',
  rawQuery:
    'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  headers: { host: 'examplebucket.s3.amazonaws.com' },
};

/** AWS documentation, "Transferring Payload in Multiple Chunks": the seed request of the chunked PUT example. */
const docChunkedSeed: IncomingSignedRequest = {
  method: 'PUT',
  rawPath: '/examplebucket/chunkObject.txt',
  rawQuery: '',
  headers: {
    host: 's3.amazonaws.com',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '66560',
    'content-length': '66824',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;' +
      'x-amz-decoded-content-length;x-amz-storage-class,' +
      'Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  },
};

describe('AWS documentation vectors', () => {
  it('verifies the GET Object header-auth example', async () => {
    const verified = await verifySigV4(docGetObject, lookup, DOC_TIME);
    expect(verified).toMatchObject({
      accessKeyId: AKID,
      region: 'us-east-1',
      service: 's3',
      signedPayloadHash: EMPTY_SHA256,
      isPresigned: false,
      seedSignature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      signingDate: '20130524',
      requestDateTime: '20130524T000000Z',
      credentialScope: '20130524/us-east-1/s3/aws4_request',
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
    });
    const expectedKey = ['20130524', 'us-east-1', 's3', 'aws4_request'].reduce<Buffer>(
      (key, part) => createHmac('sha256', key).update(part).digest(),
      Buffer.from(`AWS4${SECRET}`),
    );
    expect(Buffer.from(verified.signingKey ?? []).equals(expectedKey)).toBe(true);
  });

  it('verifies the presigned GET example within its 24 hours and reports UNSIGNED-PAYLOAD', async () => {
    const verified = await verifySigV4(docPresignedGet, lookup, new Date('2013-05-24T23:59:00Z'));
    expect(verified).toMatchObject({ isPresigned: true, signedPayloadHash: 'UNSIGNED-PAYLOAD', region: 'us-east-1' });
    expect(verified.expiresAt?.toISOString()).toBe('2013-05-25T00:00:00.000Z');
  });

  it('verifies the chunked upload seed request and hands back what chunk verification needs', async () => {
    const verified = await verifySigV4(docChunkedSeed, lookup, DOC_TIME);
    expect(verified.signedPayloadHash).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    expect(verified.seedSignature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9');
    expect(verified.credentialScope).toBe('20130524/us-east-1/s3/aws4_request');
  });
});

async function signWithSdk(
  request: HttpRequest,
  service: string,
  region: string,
  signingDate = new Date(),
): Promise<HttpRequest> {
  const signer = new SignatureV4({
    service,
    region,
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
    sha256: NodeSha256,
    uriEscapePath: service !== 's3',
  });
  return (await signer.sign(request, { signingDate })) as HttpRequest;
}

function wireQuery(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

describe('requests signed by @smithy/signature-v4', () => {
  it('keeps repeated query parameters and sorts by name then value', async () => {
    const request = new HttpRequest({
      method: 'GET',
      hostname: 'localhost',
      path: '/bucket',
      query: { tag: ['b', 'a'], 'list-type': '2', prefix: 'x y' },
      headers: { host: 'localhost:4510', 'x-amz-content-sha256': EMPTY_SHA256 },
    });
    const signed = await signWithSdk(request, 's3', 'ap-southeast-2');
    const rawQuery = wireQuery([
      ['tag', 'b'],
      ['prefix', 'x y'],
      ['list-type', '2'],
      ['tag', 'a'],
    ]);
    const verified = await verifySigV4({ method: 'GET', rawPath: '/bucket', rawQuery, headers: signed.headers }, lookup);
    expect(verified.region).toBe('ap-southeast-2');
  });

  it("accepts '+' for a space in the query (form encoding) as well as a literal '+'", async () => {
    const sign = (prefix: string) =>
      signWithSdk(
        new HttpRequest({
          method: 'GET',
          hostname: 'localhost',
          path: '/bucket',
          query: { prefix },
          headers: { host: 'localhost', 'x-amz-content-sha256': EMPTY_SHA256 },
        }),
        's3',
        'us-east-1',
      );
    const spaced = await sign('a b');
    await expect(
      verifySigV4({ method: 'GET', rawPath: '/bucket', rawQuery: 'prefix=a+b', headers: spaced.headers }, lookup),
    ).resolves.toBeTruthy();
    const plus = await sign('a+b');
    await expect(
      verifySigV4({ method: 'GET', rawPath: '/bucket', rawQuery: 'prefix=a+b', headers: plus.headers }, lookup),
    ).resolves.toBeTruthy();
    await expectAuthError(
      verifySigV4({ method: 'GET', rawPath: '/bucket', rawQuery: 'prefix=a%2Bb', headers: spaced.headers }, lookup),
      'SignatureDoesNotMatch',
      403,
    );
  });

  it('accepts a header whose value the proxy re-spaced (trimmed, runs of spaces collapsed)', async () => {
    const request = new HttpRequest({
      method: 'PUT',
      hostname: 'localhost',
      path: '/bucket/key',
      headers: { host: 'localhost', 'x-amz-meta-note': 'a  b   c', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const signed = await signWithSdk(request, 's3', 'us-east-1');
    const headers = { ...signed.headers, 'x-amz-meta-note': '  a b c ' };
    await expect(verifySigV4({ method: 'PUT', rawPath: '/bucket/key', rawQuery: '', headers }, lookup)).resolves.toBeTruthy();
  });

  it('signs non-S3 paths normalised and encoded twice (IAM/STS style)', async () => {
    const request = new HttpRequest({
      method: 'GET',
      hostname: 'localhost',
      path: '/a/./b/../c%20d',
      headers: { host: 'localhost' },
    });
    const signed = await signWithSdk(request, 'iam', 'us-east-1');
    const verified = await verifySigV4(
      { method: 'GET', rawPath: '/a/./b/../c%20d', rawQuery: '', headers: signed.headers },
      lookup,
    );
    expect(verified.service).toBe('iam');
    expect(verified.signedPayloadHash).toBe(signed.headers['x-amz-content-sha256']);
  });

  it('uses the caller-provided body hash for a non-S3 request that does not send x-amz-content-sha256', async () => {
    const body = 'Action=ListUsers&Version=2010-05-08';
    const signer = new SignatureV4({
      service: 'iam',
      region: 'us-east-1',
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
      sha256: NodeSha256,
      applyChecksum: false,
    });
    const request = new HttpRequest({
      method: 'POST',
      hostname: 'localhost',
      path: '/',
      headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const signed = (await signer.sign(request)) as HttpRequest;
    expect(signed.headers['x-amz-content-sha256']).toBeUndefined();
    const incoming = { method: 'POST', rawPath: '/', rawQuery: '', headers: signed.headers };
    const bodySha256Hex = createHash('sha256').update(body).digest('hex');
    await expect(verifySigV4({ ...incoming, bodySha256Hex }, lookup)).resolves.toMatchObject({
      signedPayloadHash: bodySha256Hex,
    });
    await expectAuthError(verifySigV4(incoming, lookup), 'SignatureDoesNotMatch', 403);
  });

  it('verifies SignatureV4.presign URLs, including a session token', async () => {
    const signer = new SignatureV4({
      service: 's3',
      region: 'eu-central-1',
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: 'token/with+chars=' },
      sha256: NodeSha256,
      uriEscapePath: false,
    });
    const request = new HttpRequest({
      method: 'GET',
      hostname: 'localhost',
      path: '/bucket/a%20b%2Bc',
      query: { versionId: 'v+1' },
      // What @aws-sdk/s3-request-presigner does: S3 presigned URLs sign UNSIGNED-PAYLOAD (hoisted into the query).
      headers: { host: 'localhost:4510', 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    });
    const presigned = await signer.presign(request, { expiresIn: 60 });
    const query = presigned.query ?? {};
    expect(query['X-Amz-Content-Sha256']).toBe('UNSIGNED-PAYLOAD');
    const rawQuery = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const verified = await verifySigV4(
      { method: 'GET', rawPath: '/bucket/a%20b%2Bc', rawQuery, headers: { host: 'localhost:4510' } },
      lookup,
    );
    expect(verified).toMatchObject({ isPresigned: true, sessionToken: 'token/with+chars=', region: 'eu-central-1' });
  });

  it('accepts the HTTP Date header when there is no x-amz-date', async () => {
    const date = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));
    const headers: Record<string, string> = {
      host: 'localhost',
      date: date.toUTCString(),
      'x-amz-content-sha256': EMPTY_SHA256,
    };
    const canonical = ['GET', '/b', '', `date:${headers.date}`, `host:localhost`, `x-amz-content-sha256:${EMPTY_SHA256}`, '', 'date;host;x-amz-content-sha256', EMPTY_SHA256].join('\n');
    const stringToSign = [
      'AWS4-HMAC-SHA256',
      '20261127T120000Z',
      '20261127/us-west-2/s3/aws4_request',
      createHash('sha256').update(canonical).digest('hex'),
    ].join('\n');
    const key = ['20261127', 'us-west-2', 's3', 'aws4_request'].reduce<Buffer>(
      (k, part) => createHmac('sha256', k).update(part).digest(),
      Buffer.from(`AWS4${SECRET}`),
    );
    const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${AKID}/20261127/us-west-2/s3/aws4_request, SignedHeaders=date;host;x-amz-content-sha256, Signature=${signature}`;
    const verified = await verifySigV4({ method: 'GET', rawPath: '/b', rawQuery: '', headers }, lookup, date);
    expect(verified.requestDateTime).toBe('20261127T120000Z');
  });
});

describe('authentication errors', () => {
  it('rejects an anonymous request with AccessDenied', async () => {
    await expectAuthError(
      verifySigV4({ method: 'GET', rawPath: '/', rawQuery: 'list-type=2', headers: { host: 'x' } }, lookup),
      'AccessDenied',
      403,
      /^Access Denied$/,
    );
  });

  it('rejects an unknown access key with InvalidAccessKeyId', async () => {
    const error = await expectAuthError(
      verifySigV4(docGetObject, () => undefined, DOC_TIME),
      'InvalidAccessKeyId',
      403,
      'The AWS Access Key Id you provided does not exist in our records.',
    );
    expect(error.extra).toEqual({ AWSAccessKeyId: AKID });
  });

  it('rejects a wrong secret with SignatureDoesNotMatch and S3 debugging extras', async () => {
    const error = await expectAuthError(
      verifySigV4(docGetObject, () => ({ secretAccessKey: 'wrong' }), DOC_TIME),
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expect(error.extra.AWSAccessKeyId).toBe(AKID);
    expect(error.extra.SignatureProvided).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(error.extra.StringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n' +
        '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(error.extra.StringToSignBytes.startsWith('41 57 53 34 2d 48 4d 41 43')).toBe(true);
    expect(error.extra.CanonicalRequest).toBe(
      'GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n' +
        `x-amz-content-sha256:${EMPTY_SHA256}\nx-amz-date:20130524T000000Z\n\n` +
        `host;range;x-amz-content-sha256;x-amz-date\n${EMPTY_SHA256}`,
    );
  });

  it('rejects a tampered signed header, path, query or method', async () => {
    const variants: IncomingSignedRequest[] = [
      { ...docGetObject, headers: { ...docGetObject.headers, range: 'bytes=0-10' } },
      { ...docGetObject, rawPath: '/test.txT' },
      { ...docGetObject, rawQuery: 'acl' },
      { ...docGetObject, method: 'HEAD' },
    ];
    for (const variant of variants) {
      await expectAuthError(verifySigV4(variant, lookup, DOC_TIME), 'SignatureDoesNotMatch', 403);
    }
  });

  it('ignores headers that were not signed', async () => {
    const request = { ...docGetObject, headers: { ...docGetObject.headers, 'user-agent': 'anything', accept: '*/*' } };
    await expect(verifySigV4(request, lookup, DOC_TIME)).resolves.toBeTruthy();
  });

  it('rejects x-amz-* headers that the signature does not cover', async () => {
    const request = {
      ...docGetObject,
      headers: { ...docGetObject.headers, 'x-amz-meta-b': '1', 'X-Amz-Acl': 'public-read' },
    };
    const error = await expectAuthError(
      verifySigV4(request, lookup, DOC_TIME),
      'AccessDenied',
      403,
      'There were headers present in the request which were not signed',
    );
    expect(error.extra).toEqual({ HeadersNotSigned: 'x-amz-acl, x-amz-meta-b' });
    const presigned = { ...docPresignedGet, headers: { ...docPresignedGet.headers, 'x-amz-server-side-encryption': 'AES256' } };
    await expectAuthError(verifySigV4(presigned, lookup, DOC_TIME), 'AccessDenied', 403, /not signed/);
  });

  it('rejects a request more than 15 minutes away from the server clock', async () => {
    const late = new Date(DOC_TIME.getTime() + 15 * 60 * 1000 + 1000);
    const error = await expectAuthError(
      verifySigV4(docGetObject, lookup, late),
      'RequestTimeTooSkewed',
      403,
      'The difference between the request time and the current time is too large.',
    );
    expect(error.extra).toEqual({
      RequestTime: '20130524T000000Z',
      ServerTime: '2013-05-24T00:15:01Z',
      MaxAllowedSkewMilliseconds: '900000',
    });
    const early = new Date(DOC_TIME.getTime() - 16 * 60 * 1000);
    await expectAuthError(verifySigV4(docGetObject, lookup, early), 'RequestTimeTooSkewed', 403);
    await expect(verifySigV4(docGetObject, lookup, new Date(DOC_TIME.getTime() + 14 * 60 * 1000))).resolves.toBeTruthy();
  });

  it('rejects an expired presigned URL with S3 extras', async () => {
    const error = await expectAuthError(
      verifySigV4(docPresignedGet, lookup, new Date('2013-05-25T00:00:01Z')),
      'AccessDenied',
      403,
      /^Request has expired$/,
    );
    expect(error.extra).toEqual({
      'X-Amz-Expires': '86400',
      Expires: '2013-05-25T00:00:00Z',
      ServerTime: '2013-05-25T00:00:01Z',
    });
  });

  it('rejects a presigned URL dated in the future', async () => {
    await expectAuthError(
      verifySigV4(docPresignedGet, lookup, new Date('2013-05-23T23:00:00Z')),
      'AccessDenied',
      403,
      'Request is not valid yet',
    );
  });

  it('rejects presigned URLs missing any required parameter', async () => {
    for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature']) {
      const rawQuery = docPresignedGet.rawQuery
        .split('&')
        .filter((pair) => !pair.startsWith(`${name}=`))
        .join('&');
      await expectAuthError(
        verifySigV4({ ...docPresignedGet, rawQuery }, lookup, DOC_TIME),
        'AuthorizationQueryParametersError',
        400,
        /^Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters\.$/,
      );
    }
  });

  it.each([
    ['X-Amz-Expires=86400', 'X-Amz-Expires=604801', /less than a week/],
    ['X-Amz-Expires=86400', 'X-Amz-Expires=-1', /non-negative/],
    ['X-Amz-Expires=86400', 'X-Amz-Expires=soon', /should be a number/],
    ['X-Amz-Algorithm=AWS4-HMAC-SHA256', 'X-Amz-Algorithm=AWS4-HMAC-SHA1', /X-Amz-Algorithm only supports/],
    ['X-Amz-Date=20130524T000000Z', 'X-Amz-Date=2013-05-24', /ISO8601 Long Format/],
    ['%2Faws4_request', '%2Faws5_request', /Credential is mal-formed/],
    ['X-Amz-Date=20130524T000000Z', 'X-Amz-Date=20130525T000000Z', /Invalid credential date/],
  ])('rejects a presigned URL with %s replaced by %s', async (from, to, message) => {
    const rawQuery = docPresignedGet.rawQuery.replace(from, to);
    await expectAuthError(
      verifySigV4({ ...docPresignedGet, rawQuery }, lookup, DOC_TIME),
      'AuthorizationQueryParametersError',
      400,
      message,
    );
  });

  it('rejects a presigned URL whose signature was altered', async () => {
    const rawQuery = docPresignedGet.rawQuery.replace('X-Amz-Signature=a', 'X-Amz-Signature=b');
    await expectAuthError(verifySigV4({ ...docPresignedGet, rawQuery }, lookup, DOC_TIME), 'SignatureDoesNotMatch', 403);
  });

  const withAuthorization = (authorization: string): IncomingSignedRequest => ({
    ...docGetObject,
    headers: { ...docGetObject.headers, authorization },
  });

  it.each([
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3, SignedHeaders=host, Signature=00', /Credential is mal-formed/],
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/2013-05-24/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00', /Credential is mal-formed/],
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, Signature=00', /requires 'SignedHeaders'/],
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host', /requires 'Signature'/],
    ['AWS4-HMAC-SHA256', /requires 'Credential'/],
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00', /Invalid credential date/],
  ])('rejects the malformed Authorization header %s', async (authorization, message) => {
    const error = await expectAuthError(
      verifySigV4(withAuthorization(authorization), lookup, DOC_TIME),
      'AuthorizationHeaderMalformed',
      400,
      message,
    );
    expect(error.message.startsWith('The authorization header is malformed; ')).toBe(true);
  });

  it('rejects unsupported authorization schemes', async () => {
    const error = await expectAuthError(
      verifySigV4(withAuthorization('Bearer abc'), lookup, DOC_TIME),
      'InvalidArgument',
      400,
      'Unsupported Authorization Type',
    );
    expect(error.extra).toEqual({ ArgumentName: 'Authorization', ArgumentValue: 'Bearer abc' });
    await expectAuthError(
      verifySigV4(withAuthorization('AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg='), lookup, DOC_TIME),
      'InvalidRequest',
      400,
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    );
    await expectAuthError(
      verifySigV4({ method: 'GET', rawPath: '/b/k', rawQuery: 'AWSAccessKeyId=AKID&Expires=1&Signature=x', headers: {} }, lookup),
      'InvalidRequest',
      400,
    );
  });

  it('rejects both an Authorization header and presign parameters', async () => {
    const request = { ...docPresignedGet, headers: { ...docPresignedGet.headers, authorization: docGetObject.headers.authorization } };
    await expectAuthError(verifySigV4(request, lookup, DOC_TIME), 'InvalidArgument', 400, /Only one auth mechanism allowed/);
  });

  it('requires x-amz-content-sha256 on S3 header-signed requests and checks its form', async () => {
    const headers = { ...docGetObject.headers };
    delete headers['x-amz-content-sha256'];
    await expectAuthError(
      verifySigV4({ ...docGetObject, headers }, lookup, DOC_TIME),
      'InvalidRequest',
      400,
      'Missing required header for this request: x-amz-content-sha256',
    );
    const error = await expectAuthError(
      verifySigV4({ ...docGetObject, headers: { ...headers, 'x-amz-content-sha256': 'abc' } }, lookup, DOC_TIME),
      'InvalidArgument',
      400,
      /^x-amz-content-sha256 must be UNSIGNED-PAYLOAD/,
    );
    expect(error.extra).toEqual({ ArgumentName: 'x-amz-content-sha256', ArgumentValue: 'abc' });
  });

  it('requires a valid x-amz-date or Date', async () => {
    for (const date of [{ 'x-amz-date': '2013-05-24T00:00:00Z' }, {}]) {
      const headers: Record<string, string | undefined> = { ...docGetObject.headers, 'x-amz-date': undefined, ...date };
      await expectAuthError(
        verifySigV4({ ...docGetObject, headers }, lookup, DOC_TIME),
        'AccessDenied',
        403,
        'AWS authentication requires a valid Date or x-amz-date header',
      );
    }
  });
});

describe('hasAuthentication / parseCredentialScopeService', () => {
  it('finds the service of header and presigned requests without verifying', () => {
    expect(parseCredentialScopeService(docGetObject.headers, '')).toBe('s3');
    expect(parseCredentialScopeService(docPresignedGet.headers, docPresignedGet.rawQuery)).toBe('s3');
    expect(
      parseCredentialScopeService(
        { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0' },
        '',
      ),
    ).toBe('iam');
    expect(parseCredentialScopeService({}, 'X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fsts%2Faws4_request')).toBe('sts');
    expect(parseCredentialScopeService({}, '')).toBeUndefined();
    expect(parseCredentialScopeService({ authorization: 'Bearer x' }, '')).toBeUndefined();
    expect(parseCredentialScopeService({ authorization: 'AWS4-HMAC-SHA256 Credential=garbage' }, '')).toBeUndefined();
  });

  it('tells anonymous requests apart', () => {
    expect(hasAuthentication({ headers: {}, rawQuery: 'list-type=2' })).toBe(false);
    expect(hasAuthentication(docGetObject)).toBe(true);
    expect(hasAuthentication(docPresignedGet)).toBe(true);
    expect(hasAuthentication({ headers: {}, rawQuery: 'X-Amz-Signature=x' })).toBe(true);
  });
});

describe('robustness', () => {
  it('answers arbitrary authorization input with an AuthError, never another exception', async () => {
    const authorization = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('AWS4-HMAC-SHA256 ', 'AWS ', ''), fc.string(), fc.constantFrom('Credential=', 'SignedHeaders=', 'Signature=', ','), fc.string())
        .map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.option(authorization, { nil: undefined }),
        fc.string(),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        async (auth, rawQuery, amzDate, contentSha) => {
          const headers = { host: 'h', authorization: auth, 'x-amz-date': amzDate, 'x-amz-content-sha256': contentSha };
          const outcome = await verifySigV4({ method: 'GET', rawPath: '/%zz/ü', rawQuery, headers }, lookup).then(
            () => 'ok',
            (error: unknown) => error,
          );
          expect(outcome).toBeInstanceOf(AuthError);
        },
      ),
      { numRuns: 500 },
    );
  });
});
