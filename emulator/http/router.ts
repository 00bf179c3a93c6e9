import { S3Error } from '../s3/errors';

export type S3Operation =
  | 'ListBuckets'
  | 'CreateBucket'
  | 'HeadBucket'
  | 'DeleteBucket'
  | 'GetBucketLocation'
  | 'GetBucketVersioning'
  | 'PutBucketVersioning'
  | 'GetBucketTagging'
  | 'PutBucketTagging'
  | 'DeleteBucketTagging'
  | 'GetBucketReplication'
  | 'PutBucketReplication'
  | 'DeleteBucketReplication'
  | 'ListObjects'
  | 'ListObjectsV2'
  | 'ListObjectVersions'
  | 'ListMultipartUploads'
  | 'DeleteObjects'
  | 'PutObject'
  | 'CopyObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'GetObjectTagging'
  | 'PutObjectTagging'
  | 'DeleteObjectTagging'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'UploadPartCopy'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListParts';

export type Route =
  | { service: 's3'; operation: S3Operation; bucket: string; key: string }
  | { service: 'iam' | 'sts' }
  | { service: 'admin'; path: string };

export interface RoutableRequest {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  host: string | undefined;
  contentType: string | undefined;
  /** Service named in the SigV4 credential scope, when there is one. */
  signedService: string | undefined;
  /** x-amz-copy-source is present (PUT is then CopyObject / UploadPartCopy). */
  hasCopySource: boolean;
}

export const ADMIN_PREFIX = '/_emulator/';

/** Bucket subresources S3 has that this endpoint does not implement: they answer NotImplemented. */
const UNSUPPORTED_BUCKET_SUBRESOURCES = [
  'accelerate', 'acl', 'analytics', 'cors', 'encryption', 'intelligent-tiering', 'inventory', 'lifecycle', 'logging',
  'metadataConfiguration', 'metadataTable', 'metrics', 'notification', 'object-lock', 'ownershipControls', 'policy',
  'policyStatus', 'publicAccessBlock', 'requestPayment', 'website', 'session',
];
const UNSUPPORTED_OBJECT_SUBRESOURCES = ['acl', 'attributes', 'legal-hold', 'restore', 'retention', 'select', 'torrent', 'renameObject'];

const STS_ACTIONS = new Set(['GetCallerIdentity', 'AssumeRole', 'GetSessionToken', 'GetAccessKeyInfo']);

const VIRTUAL_HOST = /^([a-z0-9][a-z0-9.-]*[a-z0-9])\.localhost(?::\d+)?$/i;

function methodNotAllowed(method: string, resourceType: string): S3Error {
  return new S3Error('MethodNotAllowed', { extra: { Method: method, ResourceType: resourceType } });
}

function notImplemented(): S3Error {
  return new S3Error('NotImplemented', { message: 'This operation is not implemented by the embedded endpoint.' });
}

function decodePathPart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new S3Error('InvalidURI', { message: "Couldn't parse the specified URI.", extra: { URI: raw } });
  }
}

/** Maps a request to a service and, for S3, an operation name with its bucket and key. */
export function routeRequest(req: RoutableRequest): Route {
  if (req.rawPath.startsWith(ADMIN_PREFIX)) return { service: 'admin', path: req.rawPath };
  if (req.signedService === 'iam' || req.signedService === 'sts') return { service: req.signedService };

  const virtualHost = req.host ? VIRTUAL_HOST.exec(req.host) : null;
  let bucket: string;
  let key: string;
  if (virtualHost) {
    bucket = virtualHost[1].toLowerCase();
    key = decodePathPart(req.rawPath.slice(1));
  } else {
    const path = req.rawPath.slice(1);
    const slash = path.indexOf('/');
    bucket = decodePathPart(slash < 0 ? path : path.slice(0, slash));
    key = slash < 0 ? '' : decodePathPart(path.slice(slash + 1));
  }

  if (bucket === '') {
    if (req.method === 'POST' && (req.contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
      const action = req.query.get('Action');
      return { service: action && STS_ACTIONS.has(action) ? 'sts' : 'iam' };
    }
    if (req.method === 'GET') return { service: 's3', operation: 'ListBuckets', bucket, key };
    throw methodNotAllowed(req.method, 'SERVICE');
  }
  const operation = key === '' ? bucketOperation(req.method, req.query) : objectOperation(req);
  return { service: 's3', operation, bucket, key };
}

function bucketOperation(method: string, query: URLSearchParams): S3Operation {
  if (UNSUPPORTED_BUCKET_SUBRESOURCES.some((name) => query.has(name))) throw notImplemented();
  switch (method) {
    case 'GET':
      if (query.has('versioning')) return 'GetBucketVersioning';
      if (query.has('tagging')) return 'GetBucketTagging';
      if (query.has('location')) return 'GetBucketLocation';
      if (query.has('replication')) return 'GetBucketReplication';
      if (query.has('versions')) return 'ListObjectVersions';
      if (query.has('uploads')) return 'ListMultipartUploads';
      if (query.get('list-type') === '2') return 'ListObjectsV2';
      return 'ListObjects';
    case 'PUT':
      if (query.has('versioning')) return 'PutBucketVersioning';
      if (query.has('tagging')) return 'PutBucketTagging';
      if (query.has('replication')) return 'PutBucketReplication';
      return 'CreateBucket';
    case 'DELETE':
      if (query.has('tagging')) return 'DeleteBucketTagging';
      if (query.has('replication')) return 'DeleteBucketReplication';
      return 'DeleteBucket';
    case 'HEAD':
      return 'HeadBucket';
    case 'POST':
      if (query.has('delete')) return 'DeleteObjects';
      throw methodNotAllowed(method, 'BUCKET');
    default:
      throw methodNotAllowed(method, 'BUCKET');
  }
}

function objectOperation(req: RoutableRequest): S3Operation {
  const { method, query } = req;
  if (UNSUPPORTED_OBJECT_SUBRESOURCES.some((name) => query.has(name))) throw notImplemented();
  switch (method) {
    case 'GET':
      if (query.has('tagging')) return 'GetObjectTagging';
      if (query.has('uploadId')) return 'ListParts';
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'PUT':
      if (query.has('tagging')) return 'PutObjectTagging';
      if (query.has('uploadId') || query.has('partNumber')) return req.hasCopySource ? 'UploadPartCopy' : 'UploadPart';
      return req.hasCopySource ? 'CopyObject' : 'PutObject';
    case 'DELETE':
      if (query.has('tagging')) return 'DeleteObjectTagging';
      if (query.has('uploadId')) return 'AbortMultipartUpload';
      return 'DeleteObject';
    case 'POST':
      if (query.has('uploads')) return 'CreateMultipartUpload';
      if (query.has('uploadId')) return 'CompleteMultipartUpload';
      throw methodNotAllowed(method, 'OBJECT');
    default:
      throw methodNotAllowed(method, 'OBJECT');
  }
}
