import type { Readable, Transform } from 'node:stream';
import { S3Error } from '../s3/errors';
import type { OpenBlobFile } from './blob-file';
import type { BlobStore, WrittenBlob } from './blobs';
import type { BucketStore } from './buckets';
import type { MetadataDb } from './metadata';
import { toVersion, type VersionRow } from './rows';
import { emptyAttributes, type Bucket, type ObjectAttributes, type ObjectChecksum, type ObjectVersion, type ReplicationStatus, type Tag } from './types';
import { NULL_VERSION_ID, isWellFormedVersionId } from './version-ids';
import type { NewVersionInput, VersionWriter } from './versions';
import { refreshLatest } from './version-order';

/** A request body on its way to a blob; `digest()` is valid once the stream has ended without error. */
export interface IncomingBody {
  stream: Readable;
  transforms: Transform[];
  digest(): { md5Hex: string; checksum: ObjectChecksum | null };
}

export interface PutObjectInput {
  attributes: ObjectAttributes;
  ownerId: string;
}

export interface ReplicaVersionInput {
  key: string;
  versionId: string;
  lastModified: number;
  isDeleteMarker: boolean;
  attributes: ObjectAttributes;
  etag: string | null;
  checksum: ObjectChecksum | null;
  partsCount: number | null;
  ownerId: string;
  replicationStatus: ReplicationStatus | null;
  /** The bytes: a stream, or an existing version of this store whose blob is shared. Absent for delete markers. */
  content?: { stream: Readable } | { fromVersion: ObjectVersion };
}

export interface DeleteResult {
  versionId: string | null;
  deleteMarker: boolean;
}

function invalidVersionId(versionId: string): S3Error {
  return new S3Error('InvalidArgument', {
    message: 'Invalid version id specified',
    extra: { ArgumentName: 'versionId', ArgumentValue: versionId },
  });
}

/** Run inside the transaction of a user's tag change (PutObjectTagging / DeleteObjectTagging); throwing aborts it. */
export type TagsChangedHook = (tx: MetadataDb, version: ObjectVersion, bucket: Bucket) => void;

export class ObjectStore {
  private readonly tagsChangedHooks: TagsChangedHook[] = [];

  constructor(
    private readonly db: MetadataDb,
    private readonly blobs: BlobStore,
    private readonly buckets: BucketStore,
    private readonly versions: VersionWriter,
  ) {}

  onTagsChanged(hook: TagsChangedHook): () => void {
    this.tagsChangedHooks.push(hook);
    return () => {
      const index = this.tagsChangedHooks.indexOf(hook);
      if (index >= 0) this.tagsChangedHooks.splice(index, 1);
    };
  }

  async put(bucketName: string, key: string, body: IncomingBody, input: PutObjectInput): Promise<ObjectVersion> {
    this.buckets.require(bucketName);
    const blob = await this.blobs.write(body.stream, body.transforms);
    const digest = body.digest();
    return this.commitNewVersion(
      bucketName,
      blob.id,
      {
        key,
        isDeleteMarker: false,
        attributes: input.attributes,
        size: blob.size,
        etag: `"${digest.md5Hex}"`,
        blobId: blob.id,
        partsCount: null,
        checksum: digest.checksum,
        ownerId: input.ownerId,
      },
      () => this.blobs.storeInline(blob),
    );
  }

  /** CopyObject: the destination gets its own (linked) blob and the given attributes. */
  async copy(
    source: ObjectVersion,
    bucketName: string,
    key: string,
    input: PutObjectInput,
  ): Promise<ObjectVersion> {
    this.buckets.require(bucketName);
    if (!source.blobId) throw new Error('copy source has no content');
    const blobId = await this.duplicateContent(source);
    return this.commitNewVersion(bucketName, blobId, {
      key,
      isDeleteMarker: false,
      attributes: input.attributes,
      size: source.size,
      etag: source.etag,
      blobId,
      partsCount: source.partsCount,
      checksum: source.checksum,
      ownerId: input.ownerId,
    });
  }

  /**
   * Writes a version with a given id and last-modified (replication, existing-object copy). A version with the same
   * id is replaced. Runs the version hooks like any other write.
   */
  async putReplicaVersion(bucketName: string, input: ReplicaVersionInput): Promise<ObjectVersion> {
    this.buckets.require(bucketName);
    let blobId: string | null = null;
    let size = 0;
    let written: WrittenBlob | undefined;
    if (input.content && 'stream' in input.content) {
      written = await this.blobs.write(input.content.stream);
      blobId = written.id;
      size = written.size;
    } else if (input.content && input.content.fromVersion.blobId) {
      blobId = await this.duplicateContent(input.content.fromVersion);
      size = input.content.fromVersion.size;
    }
    return this.commitNewVersion(
      bucketName,
      blobId,
      {
        key: input.key,
        isDeleteMarker: input.isDeleteMarker,
        attributes: input.attributes,
        size,
        etag: input.isDeleteMarker ? null : input.etag,
        blobId,
        partsCount: input.partsCount,
        checksum: input.checksum,
        ownerId: input.ownerId,
        versionId: input.versionId,
        lastModified: input.lastModified,
        replicationStatus: input.replicationStatus,
      },
      written && (() => this.blobs.storeInline(written)),
    );
  }

  /**
   * Commits a version whose blob file (if any) is already durable (an inline blob is stored by `alsoInTransaction`);
   * releases the blob if the commit fails.
   */
  async commitNewVersion(
    bucketName: string,
    blobId: string | null,
    input: NewVersionInput,
    /** Runs first inside the same transaction (e.g. removing the completed multipart upload). */
    alsoInTransaction?: () => void,
  ): Promise<ObjectVersion> {
    let created;
    try {
      created = this.db.transaction(() => {
        const bucket = this.buckets.require(bucketName);
        alsoInTransaction?.();
        return this.versions.createInTransaction(bucket, input);
      })();
    } catch (error) {
      if (blobId) await this.blobs.remove([blobId]);
      throw error;
    }
    await this.blobs.remove(created.releasedBlobIds);
    return created.version;
  }

  /** Exact lookup; undefined when absent. `versionId` undefined = the latest version (may be a delete marker). */
  find(bucketName: string, key: string, versionId?: string): ObjectVersion | undefined {
    const bucket = this.buckets.require(bucketName);
    const row =
      versionId === undefined
        ? this.db
            .prepare<[number, string], VersionRow>(
              'SELECT * FROM object_versions WHERE bucket_id = ? AND key = ? AND is_latest = 1',
            )
            .get(bucket.id, key)
        : this.db
            .prepare<[number, string, string], VersionRow>(
              'SELECT * FROM object_versions WHERE bucket_id = ? AND key = ? AND version_id = ?',
            )
            .get(bucket.id, key, versionId);
    return row ? toVersion(row) : undefined;
  }

  /** The version a GET/HEAD (or a copy source) reads, or S3's error for why there is none. */
  resolveForRead(bucketName: string, key: string, versionId: string | undefined, method: string): ObjectVersion {
    if (versionId !== undefined && !isWellFormedVersionId(versionId)) throw invalidVersionId(versionId);
    const version = this.find(bucketName, key, versionId);
    if (!version) {
      if (versionId !== undefined) {
        throw new S3Error('NoSuchVersion', { extra: { Key: key, VersionId: versionId } });
      }
      throw new S3Error('NoSuchKey', { extra: { Key: key } });
    }
    if (version.isDeleteMarker) {
      const headers = {
        'x-amz-delete-marker': 'true',
        'x-amz-version-id': version.versionId,
        'last-modified': new Date(version.lastModified).toUTCString(),
      };
      if (versionId !== undefined) {
        throw new S3Error('MethodNotAllowed', {
          extra: { Method: method, ResourceType: 'DeleteMarker' },
          headers: { ...headers, allow: 'DELETE' },
        });
      }
      throw new S3Error('NoSuchKey', { extra: { Key: key }, headers });
    }
    return version;
  }

  private async duplicateContent(version: ObjectVersion): Promise<string> {
    try {
      return await this.blobs.duplicate(version.blobId as string);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') throw new S3Error('NoSuchKey', { extra: { Key: version.key } });
      throw error;
    }
  }

  /** The version's bytes; NoSuchKey when a concurrent overwrite or delete removed them after lookup. */
  openContent(version: ObjectVersion, range?: { start: number; end: number }): Readable {
    return this.withContent(version, (blobId) => this.blobs.read(blobId, range));
  }

  /** GetObject's body: small objects' bytes directly, larger ones as an open file for the HTTP layer to send. */
  contentForResponse(version: ObjectVersion, range?: { start: number; end: number }): Buffer | OpenBlobFile {
    return this.withContent(version, (blobId) => this.blobs.readForResponse(blobId, version.size, range));
  }

  private withContent<T>(version: ObjectVersion, open: (blobId: string) => T): T {
    if (!version.blobId) throw new Error('version has no content');
    try {
      return open(version.blobId);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') throw new S3Error('NoSuchKey', { extra: { Key: version.key } });
      throw error;
    }
  }

  async delete(bucketName: string, key: string, versionId: string | undefined, ownerId: string): Promise<DeleteResult> {
    if (versionId !== undefined) {
      if (!isWellFormedVersionId(versionId)) throw invalidVersionId(versionId);
      return this.deleteVersion(bucketName, key, versionId);
    }
    const bucket = this.buckets.require(bucketName);
    if (bucket.versioning === null) {
      const result = await this.deleteVersion(bucketName, key, NULL_VERSION_ID);
      return { versionId: null, deleteMarker: result.deleteMarker };
    }
    const marker = await this.commitNewVersion(bucketName, null, {
      key,
      isDeleteMarker: true,
      attributes: emptyAttributes(),
      size: 0,
      etag: null,
      blobId: null,
      partsCount: null,
      checksum: null,
      ownerId,
    });
    return { versionId: marker.versionId, deleteMarker: true };
  }

  /** Permanently removes one version (idempotent: an absent version is not an error). */
  private async deleteVersion(bucketName: string, key: string, versionId: string): Promise<DeleteResult> {
    const removed = this.db.transaction(() => {
      const bucket = this.buckets.require(bucketName);
      const row = this.db
        .prepare<[number, string, string], VersionRow>(
          'SELECT * FROM object_versions WHERE bucket_id = ? AND key = ? AND version_id = ?',
        )
        .get(bucket.id, key, versionId);
      if (!row) return undefined;
      this.db.prepare('DELETE FROM object_versions WHERE seq = ?').run(row.seq);
      if (row.is_latest === 1) refreshLatest(this.db, bucket.id, key);
      return toVersion(row);
    })();
    if (removed?.blobId) await this.blobs.remove([removed.blobId]);
    return { versionId, deleteMarker: removed?.isDeleteMarker ?? false };
  }

  /** A user's tag change: replaces a version's tag set and runs the tag hooks in the same transaction. */
  setTags(bucketName: string, key: string, versionId: string | undefined, tags: Tag[]): ObjectVersion {
    return this.db.transaction(() => {
      const version = this.resolveForRead(bucketName, key, versionId, 'PUT');
      this.writeTags(version.seq, tags);
      const changed = { ...version, tags };
      if (this.tagsChangedHooks.length > 0) {
        const bucket = this.buckets.require(bucketName);
        for (const hook of this.tagsChangedHooks) hook(this.db, changed, bucket);
      }
      return changed;
    })();
  }

  /** Replication's tag write on a replica (or back on a source): no hooks, so it is never replicated again. */
  setReplicatedTags(bucketName: string, key: string, versionId: string, tags: readonly Tag[]): boolean {
    const bucket = this.buckets.find(bucketName);
    if (!bucket) return false;
    const row = this.db
      .prepare<[number, string, string], { seq: number }>(
        'SELECT seq FROM object_versions WHERE bucket_id = ? AND key = ? AND version_id = ? AND is_delete_marker = 0',
      )
      .get(bucket.id, key, versionId);
    if (!row) return false;
    this.writeTags(row.seq, tags);
    return true;
  }

  private writeTags(seq: number, tags: readonly Tag[]): void {
    this.db.prepare('UPDATE object_versions SET tags = ? WHERE seq = ?').run(tags.length > 0 ? JSON.stringify(tags) : null, seq);
  }

  /** Used by replication workers to move a version through PENDING → COMPLETED / FAILED. */
  setReplicationStatus(seq: number, status: ReplicationStatus | null, failureReason: string | null = null): void {
    this.db
      .prepare('UPDATE object_versions SET replication_status = ?, replication_failure_reason = ? WHERE seq = ?')
      .run(status, failureReason, seq);
  }
}
