import type { S3Handler } from '../http/types';
import type { S3Operation } from '../http/router';
import { abortMultipartUpload } from './handlers/abort-multipart-upload';
import { completeMultipartUpload } from './handlers/complete-multipart-upload';
import { copyObject } from './handlers/copy-object';
import { createBucket } from './handlers/create-bucket';
import { createMultipartUpload } from './handlers/create-multipart-upload';
import { deleteBucket } from './handlers/delete-bucket';
import { deleteBucketReplication } from './handlers/delete-bucket-replication';
import { deleteBucketTagging } from './handlers/delete-bucket-tagging';
import { deleteObject } from './handlers/delete-object';
import { deleteObjectTagging } from './handlers/delete-object-tagging';
import { deleteObjects } from './handlers/delete-objects';
import { getBucketLocation } from './handlers/get-bucket-location';
import { getBucketReplication } from './handlers/get-bucket-replication';
import { getBucketTagging } from './handlers/get-bucket-tagging';
import { getBucketVersioning } from './handlers/get-bucket-versioning';
import { getObject } from './handlers/get-object';
import { getObjectTagging } from './handlers/get-object-tagging';
import { headBucket } from './handlers/head-bucket';
import { headObject } from './handlers/head-object';
import { listBuckets } from './handlers/list-buckets';
import { listMultipartUploads } from './handlers/list-multipart-uploads';
import { listObjectVersions } from './handlers/list-object-versions';
import { listObjects } from './handlers/list-objects';
import { listObjectsV2 } from './handlers/list-objects-v2';
import { listParts } from './handlers/list-parts';
import { putBucketReplication } from './handlers/put-bucket-replication';
import { putBucketTagging } from './handlers/put-bucket-tagging';
import { putBucketVersioning } from './handlers/put-bucket-versioning';
import { putObject } from './handlers/put-object';
import { putObjectTagging } from './handlers/put-object-tagging';
import { uploadPart } from './handlers/upload-part';
import { uploadPartCopy } from './handlers/upload-part-copy';

/** Operation → handler. An operation the router knows but this table lacks answers NotImplemented. */
export const S3_HANDLERS: Partial<Record<S3Operation, S3Handler>> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  GetBucketLocation: getBucketLocation,
  GetBucketVersioning: getBucketVersioning,
  PutBucketVersioning: putBucketVersioning,
  GetBucketTagging: getBucketTagging,
  PutBucketTagging: putBucketTagging,
  DeleteBucketTagging: deleteBucketTagging,
  GetBucketReplication: getBucketReplication,
  PutBucketReplication: putBucketReplication,
  DeleteBucketReplication: deleteBucketReplication,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  GetObjectTagging: getObjectTagging,
  PutObjectTagging: putObjectTagging,
  DeleteObjectTagging: deleteObjectTagging,
  CopyObject: copyObject,
  DeleteObjects: deleteObjects,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
  ListMultipartUploads: listMultipartUploads,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  UploadPartCopy: uploadPartCopy,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
};
