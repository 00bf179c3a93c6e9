import type { Bucket, ObjectVersion } from '../store/types';
import { httpDate } from './time';

/** Headers GET and HEAD return for a version (without Content-Length / Content-Range). */
export function objectResponseHeaders(
  version: ObjectVersion,
  bucket: Bucket,
  options: { includeChecksum: boolean },
): Record<string, string> {
  const headers: Record<string, string> = {
    'last-modified': httpDate(version.lastModified),
    'accept-ranges': 'bytes',
    'content-type': version.contentType ?? 'binary/octet-stream',
  };
  if (version.etag) headers.etag = version.etag;
  if (version.contentEncoding) headers['content-encoding'] = version.contentEncoding;
  if (version.contentDisposition) headers['content-disposition'] = version.contentDisposition;
  if (version.contentLanguage) headers['content-language'] = version.contentLanguage;
  if (version.cacheControl) headers['cache-control'] = version.cacheControl;
  if (version.expires) headers.expires = version.expires;
  for (const [name, value] of Object.entries(version.userMetadata)) headers[`x-amz-meta-${name}`] = value;
  if (bucket.versioning !== null || version.versionId !== 'null') headers['x-amz-version-id'] = version.versionId;
  if (version.storageClass !== 'STANDARD') headers['x-amz-storage-class'] = version.storageClass;
  if (version.sse) headers['x-amz-server-side-encryption'] = version.sse;
  if (version.sseKmsKeyId) headers['x-amz-server-side-encryption-aws-kms-key-id'] = version.sseKmsKeyId;
  if (version.tags.length > 0) headers['x-amz-tagging-count'] = String(version.tags.length);
  if (version.replicationStatus) headers['x-amz-replication-status'] = version.replicationStatus;
  if (version.partsCount !== null) headers['x-amz-mp-parts-count'] = String(version.partsCount);
  if (options.includeChecksum && version.checksum) {
    headers[`x-amz-checksum-${version.checksum.algorithm.toLowerCase()}`] = version.checksum.value;
    headers['x-amz-checksum-type'] = version.checksum.type;
  }
  return headers;
}
