import type { HostileRequest } from './raw-client';

/** One hand-written hostile request and the answer S3 (or IAM) gives it. */
export interface CorpusCase {
  name: string;
  request: HostileRequest;
  /** Accepted statuses; every 4xx answer must also carry an XML error with one of `codes` (when given). */
  statuses: number[];
  codes?: string[];
}

/** Buckets and objects the corpus expects to exist (made by the test before it runs). */
export const FIXTURE = { bucket: 'hostile', key: 'present.txt', body: 'ten bytes!' } as const;

const B = `/${FIXTURE.bucket}`;
const xmlPut = (sub: string, body: string | Buffer): HostileRequest => ({ method: 'PUT', path: `${B}?${sub}`, body, signFor: 's3' });
const iam = (form: Record<string, string>): HostileRequest => ({
  method: 'POST',
  path: '/',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: new URLSearchParams({ Version: '2010-05-08', ...form }).toString(),
  signFor: 'iam',
});

const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']><VersioningConfiguration><Status>&lol9;</Status></VersioningConfiguration>';
const EXTERNAL_ENTITY =
  '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Tagging><TagSet><Tag><Key>k</Key><Value>&xxe;</Value></Tag></TagSet></Tagging>';
const deleteObjects = (count: number) =>
  `<Delete>${Array.from({ length: count }, (_, i) => `<Object><Key>k${i}</Key></Object>`).join('')}</Delete>`;
const CHUNKED_HEADERS = {
  'content-encoding': 'aws-chunked',
  'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'x-amz-decoded-content-length': '5',
};
const bucketName = (length: number) => 'b'.repeat(length);
const invalidPolicy = ['{', '{"Version":"2012-10-17"}', '{"Statement":"nope"}', 'null', '[]', '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}'];

export const CORPUS: CorpusCase[] = [
  // XML bodies
  { name: 'truncated XML', request: xmlPut('versioning', '<VersioningConfiguration><Status>Enab'), statuses: [400], codes: ['MalformedXML'] },
  { name: 'not XML at all', request: xmlPut('tagging', '\u0000\u0001binary\uFFFF'), statuses: [400], codes: ['MalformedXML'] },
  { name: 'wrong root element', request: xmlPut('versioning', '<Tagging/>'), statuses: [400], codes: ['MalformedXML'] },
  { name: 'XML over the 1 MB configuration limit', request: xmlPut('tagging', `<Tagging>${' '.repeat(1024 * 1024 + 10)}</Tagging>`), statuses: [400], codes: ['MaxMessageLengthExceeded'] },
  { name: 'billion laughs', request: xmlPut('versioning', BILLION_LAUGHS), statuses: [400], codes: ['MalformedXML'] },
  { name: 'external entity (XXE)', request: xmlPut('tagging', EXTERNAL_ENTITY), statuses: [400], codes: ['MalformedXML'] },
  { name: 'deeply nested XML', request: xmlPut('tagging', `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`), statuses: [400], codes: ['MalformedXML'] },
  { name: 'DeleteObjects with 1001 keys', request: { method: 'POST', path: `${B}?delete`, body: deleteObjects(1001), signFor: 's3' }, statuses: [400], codes: ['MalformedXML'] },
  { name: 'replication configuration that is not one', request: xmlPut('replication', '<ReplicationConfiguration><Rule/></ReplicationConfiguration>'), statuses: [400], codes: ['MalformedXML', 'InvalidRequest', 'InvalidArgument'] },
  // aws-chunked framing
  {
    name: 'aws-chunked with a non-hex chunk size',
    request: { method: 'PUT', path: `${B}/chunked-1`, headers: CHUNKED_HEADERS, body: 'zz\r\nhello\r\n0\r\n\r\n', signFor: 's3' },
    statuses: [400],
  },
  {
    name: 'aws-chunked chunk shorter than declared',
    request: { method: 'PUT', path: `${B}/chunked-2`, headers: CHUNKED_HEADERS, body: '10\r\nhello\r\n0\r\n\r\n', signFor: 's3' },
    statuses: [400],
  },
  {
    name: 'aws-chunked without the final chunk',
    request: { method: 'PUT', path: `${B}/chunked-3`, headers: CHUNKED_HEADERS, body: '5\r\nhello\r\n', signFor: 's3' },
    statuses: [400],
  },
  {
    name: 'aws-chunked with a huge chunk size',
    request: { method: 'PUT', path: `${B}/chunked-4`, headers: CHUNKED_HEADERS, body: 'ffffffffffffffff\r\nhello\r\n0\r\n\r\n', signFor: 's3' },
    statuses: [400],
  },
  // Ranges (S3 ignores a syntactically invalid Range and answers the whole object)
  { name: 'unsatisfiable range', request: { method: 'GET', path: `${B}/${FIXTURE.key}`, headers: { range: 'bytes=1000-2000' }, signFor: 's3' }, statuses: [416], codes: ['InvalidRange'] },
  { name: 'reversed range', request: { method: 'GET', path: `${B}/${FIXTURE.key}`, headers: { range: 'bytes=9-2' }, signFor: 's3' }, statuses: [200] },
  { name: 'garbage range', request: { method: 'GET', path: `${B}/${FIXTURE.key}`, headers: { range: 'bytes=abc' }, signFor: 's3' }, statuses: [200] },
  { name: 'multi-range', request: { method: 'GET', path: `${B}/${FIXTURE.key}`, headers: { range: 'bytes=0-1,3-4' }, signFor: 's3' }, statuses: [200, 206] },
  // Headers
  {
    name: 'user metadata over 2 KB',
    request: { method: 'PUT', path: `${B}/meta`, headers: { 'x-amz-meta-big': 'x'.repeat(8 * 1024) }, body: 'x', signFor: 's3' },
    statuses: [400],
    codes: ['MetadataTooLarge'],
  },
  {
    name: 'non-UTF-8 bytes in a metadata header',
    request: { method: 'PUT', path: `${B}/latin1`, headers: { 'x-amz-meta-name': Buffer.from([0x63, 0xe9, 0xff]).toString('latin1') }, body: 'x', signFor: 's3' },
    statuses: [200, 400],
  },
  { name: 'negative Content-Length', request: { method: 'PUT', path: `${B}/neg`, headers: { 'content-length': '-1' }, contentLength: null }, statuses: [400], codes: ['InvalidArgument'] },
  { name: 'headers over 64 KB', request: { method: 'GET', path: B, headers: { 'x-amz-meta-huge': 'x'.repeat(64 * 1024) } }, statuses: [400], codes: ['RequestHeaderSectionTooLarge'] },
  { name: 'Content-MD5 that is not base64', request: { method: 'PUT', path: `${B}/md5`, headers: { 'content-md5': '!!!' }, body: 'x', signFor: 's3' }, statuses: [400], codes: ['InvalidDigest'] },
  { name: 'wrong x-amz-content-sha256', request: { method: 'PUT', path: `${B}/sha`, headers: { 'x-amz-content-sha256': '0'.repeat(64) }, body: 'x', signFor: 's3' }, statuses: [400], codes: ['XAmzContentSHA256Mismatch'] },
  { name: 'x-amz-date far in the past', request: { method: 'GET', path: '/', headers: { 'x-amz-date': '20000101T000000Z', authorization: 'AWS4-HMAC-SHA256 Credential=x/20000101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00' } }, statuses: [400, 403] },
  // Keys
  { name: 'key with invalid percent-encoding', request: { method: 'GET', path: `${B}/%FF%FE%`, signFor: 's3' }, statuses: [400, 404] },
  { name: 'key over 1024 bytes', request: { method: 'PUT', path: `${B}/${'k'.repeat(1025)}`, body: 'x', signFor: 's3' }, statuses: [400], codes: ['KeyTooLongError'] },
  { name: 'key ../../../outside', request: { method: 'PUT', path: `${B}/..%2F..%2F..%2Foutside`, body: 'x', signFor: 's3' }, statuses: [200] },
  { name: 'key with raw ../ segments', request: { method: 'PUT', path: `${B}/../../escape`, body: 'x', signFor: 's3' }, statuses: [200, 400, 403, 404, 405] },
  { name: 'key with NUL', request: { method: 'PUT', path: `${B}/nul%00byte`, body: 'x', signFor: 's3' }, statuses: [200, 400] },
  { name: 'key of unicode and slashes', request: { method: 'PUT', path: `${B}/${encodeURIComponent('ü/日本/🙂//x')}`, body: 'x', signFor: 's3' }, statuses: [200] },
  // Bucket names at every boundary
  { name: 'bucket name of 2 characters', request: { method: 'PUT', path: `/${bucketName(2)}`, signFor: 's3' }, statuses: [400], codes: ['InvalidBucketName'] },
  { name: 'bucket name of 3 characters', request: { method: 'PUT', path: `/${bucketName(3)}`, signFor: 's3' }, statuses: [200, 409] },
  { name: 'bucket name of 63 characters', request: { method: 'PUT', path: `/${bucketName(63)}`, signFor: 's3' }, statuses: [200, 409] },
  { name: 'bucket name of 64 characters', request: { method: 'PUT', path: `/${bucketName(64)}`, signFor: 's3' }, statuses: [400], codes: ['InvalidBucketName'] },
  { name: 'bucket name in IP form', request: { method: 'PUT', path: '/192.168.5.4', signFor: 's3' }, statuses: [400], codes: ['InvalidBucketName'] },
  { name: 'bucket name in upper case', request: { method: 'PUT', path: '/UpperCase', signFor: 's3' }, statuses: [400], codes: ['InvalidBucketName'] },
  { name: 'bucket name with ..', request: { method: 'PUT', path: '/a..b', signFor: 's3' }, statuses: [400], codes: ['InvalidBucketName'] },
  // Query strings
  { name: 'repeated list-type', request: { method: 'GET', path: `${B}?list-type=2&list-type=2`, signFor: 's3' }, statuses: [200, 400] },
  { name: 'repeated max-keys', request: { method: 'GET', path: `${B}?max-keys=1&max-keys=5000`, signFor: 's3' }, statuses: [200, 400] },
  { name: 'max-keys not a number', request: { method: 'GET', path: `${B}?max-keys=lots`, signFor: 's3' }, statuses: [400], codes: ['InvalidArgument'] },
  { name: 'negative max-keys', request: { method: 'GET', path: `${B}?max-keys=-1`, signFor: 's3' }, statuses: [400], codes: ['InvalidArgument'] },
  { name: 'repeated subresources', request: { method: 'GET', path: `${B}?versioning&versioning`, signFor: 's3' }, statuses: [200, 400] },
  { name: 'two different subresources', request: { method: 'GET', path: `${B}?versioning&tagging`, signFor: 's3' }, statuses: [200, 400, 404] },
  { name: 'unknown query parameter (ignored, as S3 does)', request: { method: 'GET', path: `${B}?no-such-thing=1`, signFor: 's3' }, statuses: [200] },
  { name: 'known but unsupported subresource', request: { method: 'GET', path: `${B}?lifecycle`, signFor: 's3' }, statuses: [501], codes: ['NotImplemented'] },
  { name: 'unsupported object subresource', request: { method: 'GET', path: `${B}/${FIXTURE.key}?torrent`, signFor: 's3' }, statuses: [501], codes: ['NotImplemented'] },
  { name: 'invalid version id', request: { method: 'GET', path: `${B}/${FIXTURE.key}?versionId=..%2F..%2Fetc`, signFor: 's3' }, statuses: [400, 404], codes: ['InvalidArgument', 'NoSuchVersion'] },
  { name: 'unknown verb', request: { method: 'PATCH', path: `${B}/${FIXTURE.key}`, signFor: 's3' }, statuses: [405], codes: ['MethodNotAllowed'] },
  // Unsigned or badly signed
  { name: 'unsigned request', request: { method: 'GET', path: B }, statuses: [403], codes: ['AccessDenied'] },
  { name: 'garbage Authorization header', request: { method: 'GET', path: B, headers: { authorization: 'AWS4-HMAC-SHA256 garbage' } }, statuses: [400, 403] },
  { name: 'presigned URL with a bogus expiry', request: { method: 'GET', path: `${B}/${FIXTURE.key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=-5&X-Amz-Credential=x&X-Amz-Date=bad&X-Amz-SignedHeaders=host&X-Amz-Signature=00` }, statuses: [400, 403] },
  // IAM
  ...invalidPolicy.map(
    (document, i): CorpusCase => ({
      name: `IAM CreatePolicy with invalid document #${i + 1}`,
      request: iam({ Action: 'CreatePolicy', PolicyName: `bad-${i}`, PolicyDocument: document }),
      statuses: [400],
      codes: ['MalformedPolicyDocument', 'ValidationError', 'InvalidInput'],
    }),
  ),
  { name: 'IAM policy over the size limit', request: iam({ Action: 'CreatePolicy', PolicyName: 'huge', PolicyDocument: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"${'x'.repeat(7000)}"}]}` }), statuses: [400, 409], codes: ['LimitExceeded', 'MalformedPolicyDocument', 'ValidationError'] },
  { name: 'IAM unknown action', request: iam({ Action: 'LaunchRockets' }), statuses: [400], codes: ['InvalidAction'] },
  { name: 'IAM missing parameter', request: iam({ Action: 'CreateUser' }), statuses: [400], codes: ['ValidationError', 'MissingParameter'] },
  { name: 'IAM name with invalid characters', request: iam({ Action: 'CreateUser', UserName: 'bad name/<>' }), statuses: [400], codes: ['ValidationError'] },
  { name: 'IAM repeated parameters', request: iam({ Action: 'GetUser' }), statuses: [200, 400] },
  { name: 'IAM body over 1 MB', request: iam({ Action: 'CreateUser', UserName: 'x'.repeat(1024 * 1024 + 1) }), statuses: [400, 413] },
];
