import type { S3Handler } from '../http/types';
import type { S3Operation } from '../http/router';
import { createBucket } from './handlers/create-bucket';
import { deleteBucket } from './handlers/delete-bucket';
import { deleteBucketTagging } from './handlers/delete-bucket-tagging';
import { deleteObject } from './handlers/delete-object';
import { deleteObjectTagging } from './handlers/delete-object-tagging';
import { getBucketLocation } from './handlers/get-bucket-location';
import { getBucketTagging } from './handlers/get-bucket-tagging';
import { getBucketVersioning } from './handlers/get-bucket-versioning';
import { getObject } from './handlers/get-object';
import { getObjectTagging } from './handlers/get-object-tagging';
import { headBucket } from './handlers/head-bucket';
import { headObject } from './handlers/head-object';
import { listBuckets } from './handlers/list-buckets';
import { putBucketTagging } from './handlers/put-bucket-tagging';
import { putBucketVersioning } from './handlers/put-bucket-versioning';
import { putObject } from './handlers/put-object';
import { putObjectTagging } from './handlers/put-object-tagging';

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
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  GetObjectTagging: getObjectTagging,
  PutObjectTagging: putObjectTagging,
  DeleteObjectTagging: deleteObjectTagging,
};
