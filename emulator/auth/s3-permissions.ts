import type { S3Operation } from '../http/router';
import { parseCopySource } from '../s3/copy-source';
import type { IncomingHttpHeaders } from 'node:http';

/** One IAM permission an S3 request needs: an action and the resource ARN it is evaluated against. */
export interface RequiredPermission {
  action: string;
  resource: string;
}

export interface S3RequestTarget {
  operation: S3Operation;
  bucket: string;
  key: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

type Scope = 'account' | 'bucket' | 'object';

/**
 * The IAM action of each S3 operation (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html),
 * with a second action when the request names a version (`?versionId=`), and the resource it applies to.
 */
const OPERATION_PERMISSIONS: Record<S3Operation, { action: string; versioned?: string; scope: Scope }> = {
  ListBuckets: { action: 's3:ListAllMyBuckets', scope: 'account' },
  CreateBucket: { action: 's3:CreateBucket', scope: 'bucket' },
  HeadBucket: { action: 's3:ListBucket', scope: 'bucket' },
  DeleteBucket: { action: 's3:DeleteBucket', scope: 'bucket' },
  GetBucketLocation: { action: 's3:GetBucketLocation', scope: 'bucket' },
  GetBucketVersioning: { action: 's3:GetBucketVersioning', scope: 'bucket' },
  PutBucketVersioning: { action: 's3:PutBucketVersioning', scope: 'bucket' },
  GetBucketTagging: { action: 's3:GetBucketTagging', scope: 'bucket' },
  PutBucketTagging: { action: 's3:PutBucketTagging', scope: 'bucket' },
  DeleteBucketTagging: { action: 's3:PutBucketTagging', scope: 'bucket' },
  GetBucketReplication: { action: 's3:GetReplicationConfiguration', scope: 'bucket' },
  PutBucketReplication: { action: 's3:PutReplicationConfiguration', scope: 'bucket' },
  DeleteBucketReplication: { action: 's3:PutReplicationConfiguration', scope: 'bucket' },
  ListObjects: { action: 's3:ListBucket', scope: 'bucket' },
  ListObjectsV2: { action: 's3:ListBucket', scope: 'bucket' },
  ListObjectVersions: { action: 's3:ListBucketVersions', scope: 'bucket' },
  ListMultipartUploads: { action: 's3:ListBucketMultipartUploads', scope: 'bucket' },
  // NOTE: S3 checks s3:DeleteObject per key of the body; the endpoint checks it once, on every key of the bucket.
  DeleteObjects: { action: 's3:DeleteObject', scope: 'bucket' },
  PutObject: { action: 's3:PutObject', scope: 'object' },
  CopyObject: { action: 's3:PutObject', scope: 'object' },
  GetObject: { action: 's3:GetObject', versioned: 's3:GetObjectVersion', scope: 'object' },
  HeadObject: { action: 's3:GetObject', versioned: 's3:GetObjectVersion', scope: 'object' },
  DeleteObject: { action: 's3:DeleteObject', versioned: 's3:DeleteObjectVersion', scope: 'object' },
  GetObjectTagging: { action: 's3:GetObjectTagging', versioned: 's3:GetObjectVersionTagging', scope: 'object' },
  PutObjectTagging: { action: 's3:PutObjectTagging', versioned: 's3:PutObjectVersionTagging', scope: 'object' },
  DeleteObjectTagging: { action: 's3:DeleteObjectTagging', versioned: 's3:DeleteObjectVersionTagging', scope: 'object' },
  CreateMultipartUpload: { action: 's3:PutObject', scope: 'object' },
  UploadPart: { action: 's3:PutObject', scope: 'object' },
  UploadPartCopy: { action: 's3:PutObject', scope: 'object' },
  CompleteMultipartUpload: { action: 's3:PutObject', scope: 'object' },
  AbortMultipartUpload: { action: 's3:AbortMultipartUpload', scope: 'object' },
  ListParts: { action: 's3:ListMultipartUploadParts', scope: 'object' },
};

export const bucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

function resourceOf(scope: Scope, target: S3RequestTarget): string {
  if (scope === 'account') return '*';
  if (scope === 'bucket') return target.operation === 'DeleteObjects' ? objectArn(target.bucket, '*') : bucketArn(target.bucket);
  return objectArn(target.bucket, target.key);
}

/** Every permission the request needs (copies also need to read their source). */
export function requiredS3Permissions(target: S3RequestTarget): RequiredPermission[] {
  const entry = OPERATION_PERMISSIONS[target.operation];
  const action = entry.versioned && target.query.has('versionId') ? entry.versioned : entry.action;
  const permissions = [{ action, resource: resourceOf(entry.scope, target) }];
  if (target.operation === 'CopyObject' || target.operation === 'UploadPartCopy') {
    const source = parseCopySource(target.headers['x-amz-copy-source']);
    permissions.push({
      action: source.versionId ? 's3:GetObjectVersion' : 's3:GetObject',
      resource: objectArn(source.bucket, source.key),
    });
  }
  return permissions;
}
