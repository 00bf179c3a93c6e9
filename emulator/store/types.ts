export type VersioningStatus = 'Enabled' | 'Suspended';
export type ReplicationStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'REPLICA';

export interface Tag {
  Key: string;
  Value: string;
}

export interface Bucket {
  id: number;
  name: string;
  region: string;
  ownerId: string;
  createdAt: number;
  versioning: VersioningStatus | null;
  tags: Tag[] | null;
  replicationConfig: string | null;
}

/** Headers stored with a version and returned on GET/HEAD. */
export interface ObjectAttributes {
  contentType: string | null;
  contentEncoding: string | null;
  contentDisposition: string | null;
  contentLanguage: string | null;
  cacheControl: string | null;
  expires: string | null;
  /** x-amz-meta-* without the prefix, names lower-cased as they arrive over HTTP. */
  userMetadata: Record<string, string>;
  tags: Tag[];
  storageClass: string;
  sse: string | null;
  sseKmsKeyId: string | null;
}

export interface ObjectChecksum {
  algorithm: string;
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

export interface ObjectVersion extends ObjectAttributes {
  /** Monotonic insertion order; breaks ties of last-modified among a key's versions (store/version-order.ts). */
  seq: number;
  bucketId: number;
  key: string;
  /** 'null' for the null version. */
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  /** Epoch milliseconds. */
  lastModified: number;
  size: number;
  etag: string | null;
  blobId: string | null;
  partsCount: number | null;
  checksum: ObjectChecksum | null;
  ownerId: string;
  replicationStatus: ReplicationStatus | null;
  replicationFailureReason: string | null;
}

export function emptyAttributes(): ObjectAttributes {
  return {
    contentType: null,
    contentEncoding: null,
    contentDisposition: null,
    contentLanguage: null,
    cacheControl: null,
    expires: null,
    userMetadata: {},
    tags: [],
    storageClass: 'STANDARD',
    sse: null,
    sseKmsKeyId: null,
  };
}
