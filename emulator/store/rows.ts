import type { Bucket, ObjectAttributes, ObjectChecksum, ObjectVersion, ReplicationStatus, Tag, VersioningStatus } from './types';

/** Raw SQLite rows and their mapping to domain objects. */

export interface BucketRow {
  id: number;
  name: string;
  region: string;
  owner_id: string;
  created_at: number;
  versioning: string | null;
  tags: string | null;
  replication_config: string | null;
}

/** The columns of `ObjectAttributes`, shared by object versions and multipart uploads (same names in both tables). */
export interface AttributeColumns {
  content_type: string | null;
  content_encoding: string | null;
  content_disposition: string | null;
  content_language: string | null;
  cache_control: string | null;
  expires: string | null;
  user_metadata: string | null;
  tags: string | null;
  storage_class: string;
  sse: string | null;
  sse_kms_key_id: string | null;
}

/** The attribute columns in the order `attributeParams` binds them. */
export const ATTRIBUTE_COLUMNS =
  'content_type, content_encoding, content_disposition, content_language, cache_control, expires, user_metadata, tags, ' +
  'storage_class, sse, sse_kms_key_id';

export function attributesFromRow(row: AttributeColumns): ObjectAttributes {
  return {
    contentType: row.content_type,
    contentEncoding: row.content_encoding,
    contentDisposition: row.content_disposition,
    contentLanguage: row.content_language,
    cacheControl: row.cache_control,
    expires: row.expires,
    userMetadata: row.user_metadata === null ? {} : (JSON.parse(row.user_metadata) as Record<string, string>),
    tags: row.tags === null ? [] : (JSON.parse(row.tags) as Tag[]),
    storageClass: row.storage_class,
    sse: row.sse,
    sseKmsKeyId: row.sse_kms_key_id,
  };
}

/** Bind values for `ATTRIBUTE_COLUMNS`, in that order. */
export function attributeParams(a: ObjectAttributes): (string | null)[] {
  return [
    a.contentType,
    a.contentEncoding,
    a.contentDisposition,
    a.contentLanguage,
    a.cacheControl,
    a.expires,
    Object.keys(a.userMetadata).length > 0 ? JSON.stringify(a.userMetadata) : null,
    a.tags.length > 0 ? JSON.stringify(a.tags) : null,
    a.storageClass,
    a.sse,
    a.sseKmsKeyId,
  ];
}

export interface VersionRow extends AttributeColumns {
  seq: number;
  bucket_id: number;
  key: string;
  version_id: string;
  is_latest: number;
  is_delete_marker: number;
  last_modified: number;
  size: number;
  etag: string | null;
  blob_id: string | null;
  parts_count: number | null;
  checksum_algorithm: string | null;
  checksum_value: string | null;
  checksum_type: string | null;
  owner_id: string;
  replication_status: string | null;
  replication_failure_reason: string | null;
}

export function toBucket(row: BucketRow): Bucket {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    versioning: row.versioning as VersioningStatus | null,
    tags: row.tags === null ? null : (JSON.parse(row.tags) as Tag[]),
    replicationConfig: row.replication_config,
  };
}

/** The checksum_algorithm, checksum_value and checksum_type columns as a version's checksum (null when it has none). */
export function checksumFromColumns(algorithm: string | null, value: string | null, type: string | null): ObjectChecksum | null {
  if (!algorithm || !value) return null;
  return { algorithm, value, type: type === 'COMPOSITE' ? 'COMPOSITE' : 'FULL_OBJECT' };
}

export function toVersion(row: VersionRow): ObjectVersion {
  return {
    seq: row.seq,
    bucketId: row.bucket_id,
    key: row.key,
    versionId: row.version_id,
    isLatest: row.is_latest === 1,
    isDeleteMarker: row.is_delete_marker === 1,
    lastModified: row.last_modified,
    size: row.size,
    etag: row.etag,
    blobId: row.blob_id,
    partsCount: row.parts_count,
    ...attributesFromRow(row),
    checksum: checksumFromColumns(row.checksum_algorithm, row.checksum_value, row.checksum_type),
    ownerId: row.owner_id,
    replicationStatus: row.replication_status as ReplicationStatus | null,
    replicationFailureReason: row.replication_failure_reason,
  };
}
