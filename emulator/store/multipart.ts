import { createHash, randomBytes } from 'node:crypto';
import { S3Error } from '../s3/errors';
import type { BlobStore } from './blobs';
import type { BucketStore } from './buckets';
import { walkKeys, type WalkEntry, type WalkSource } from './key-walk';
import type { MetadataDb } from './metadata';
import type { IncomingBody, ObjectStore } from './objects';
import { ATTRIBUTE_COLUMNS, attributeParams, attributesFromRow, type AttributeColumns } from './rows';
import type { ObjectAttributes, ObjectChecksum, ObjectVersion } from './types';

export const MIN_PART_SIZE = 5 * 1024 * 1024;

export interface MultipartUpload {
  uploadId: string;
  bucketId: number;
  bucketName: string;
  key: string;
  initiatedAt: number;
  ownerId: string;
  attributes: ObjectAttributes;
  checksumAlgorithm: string | null;
}

export interface UploadedPart {
  partNumber: number;
  size: number;
  etag: string;
  blobId: string;
  lastModified: number;
  checksumValue: string | null;
}

interface UploadRow extends AttributeColumns {
  upload_id: string;
  bucket_id: number;
  key: string;
  initiated_at: number;
  owner_id: string;
  checksum_algorithm: string | null;
}

interface PartRow {
  part_number: number;
  size: number;
  etag: string;
  blob_id: string;
  last_modified: number;
  checksum_value: string | null;
}

function toUpload(row: UploadRow, bucketName: string): MultipartUpload {
  return {
    uploadId: row.upload_id,
    bucketId: row.bucket_id,
    bucketName,
    key: row.key,
    initiatedAt: row.initiated_at,
    ownerId: row.owner_id,
    checksumAlgorithm: row.checksum_algorithm,
    attributes: attributesFromRow(row),
  };
}

function toPart(row: PartRow): UploadedPart {
  return {
    partNumber: row.part_number,
    size: row.size,
    etag: row.etag,
    blobId: row.blob_id,
    lastModified: row.last_modified,
    checksumValue: row.checksum_value,
  };
}

/** Upload ids sort by creation time, so listing by (key, upload id) lists by initiation. */
function newUploadId(): string {
  return Date.now().toString(16).padStart(12, '0') + randomBytes(24).toString('base64url');
}

function unquote(etag: string): string {
  return etag.trim().replace(/^"|"$/g, '');
}

export class MultipartStore {
  constructor(
    private readonly db: MetadataDb,
    private readonly blobs: BlobStore,
    private readonly buckets: BucketStore,
    private readonly objects: ObjectStore,
  ) {}

  create(
    bucketName: string,
    key: string,
    attributes: ObjectAttributes,
    ownerId: string,
    checksumAlgorithm: string | null,
  ): MultipartUpload {
    const bucket = this.buckets.require(bucketName);
    const uploadId = newUploadId();
    const a = attributes;
    this.db
      .prepare(
        `INSERT INTO multipart_uploads (upload_id, bucket_id, key, initiated_at, owner_id, ${ATTRIBUTE_COLUMNS},
           checksum_algorithm)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uploadId,
        bucket.id,
        key,
        Date.now(),
        ownerId,
        ...attributeParams(a),
        checksumAlgorithm,
      );
    return this.require(bucketName, key, uploadId);
  }

  /** The upload, or NoSuchUpload. */
  require(bucketName: string, key: string, uploadId: string): MultipartUpload {
    const bucket = this.buckets.require(bucketName);
    const row = this.db
      .prepare<[string, number, string], UploadRow>(
        'SELECT * FROM multipart_uploads WHERE upload_id = ? AND bucket_id = ? AND key = ?',
      )
      .get(uploadId, bucket.id, key);
    if (!row) throw new S3Error('NoSuchUpload', { extra: { UploadId: uploadId } });
    return toUpload(row, bucket.name);
  }

  async putPart(upload: MultipartUpload, partNumber: number, body: IncomingBody): Promise<UploadedPart> {
    const blob = await this.blobs.write(body.stream, body.transforms);
    const digest = body.digest();
    const part: UploadedPart = {
      partNumber,
      size: blob.size,
      etag: `"${digest.md5Hex}"`,
      blobId: blob.id,
      lastModified: Date.now(),
      checksumValue: digest.checksum?.value ?? null,
    };
    let replaced: string | undefined;
    try {
      replaced = this.db.transaction(() => {
        this.require(upload.bucketName, upload.key, upload.uploadId);
        this.blobs.storeInline(blob);
        const previous = this.db
          .prepare<[string, number], { blob_id: string }>(
            'SELECT blob_id FROM multipart_parts WHERE upload_id = ? AND part_number = ?',
          )
          .get(upload.uploadId, partNumber);
        this.db
          .prepare(
            `INSERT OR REPLACE INTO multipart_parts (upload_id, part_number, size, etag, blob_id, last_modified, checksum_value)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(upload.uploadId, partNumber, part.size, part.etag, part.blobId, part.lastModified, part.checksumValue);
        return previous?.blob_id;
      })();
    } catch (error) {
      await this.blobs.remove([blob.id]);
      throw error;
    }
    if (replaced) await this.blobs.remove([replaced]);
    return part;
  }

  /** Parts after `partNumberMarker`, at most `maxParts` (+ whether more exist). */
  listParts(upload: MultipartUpload, partNumberMarker: number, maxParts: number): { parts: UploadedPart[]; isTruncated: boolean } {
    const rows = this.db
      .prepare<[string, number, number], PartRow>(
        'SELECT * FROM multipart_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?',
      )
      .all(upload.uploadId, partNumberMarker, maxParts + 1);
    return { parts: rows.slice(0, maxParts).map(toPart), isTruncated: rows.length > maxParts };
  }

  listUploads(
    bucketName: string,
    query: { prefix: string; delimiter: string; keyMarker?: string; uploadIdMarker?: string; maxUploads: number },
  ): { entries: WalkEntry<MultipartUpload>[]; isTruncated: boolean } {
    const bucket = this.buckets.require(bucketName);
    const db = this.db;
    const source: WalkSource<MultipartUpload, string> = {
      fetch(cursor, upper, limit) {
        // Uploads are few; reading a page eagerly is fine here.
        const rows: UploadRow[] = [];
        if (cursor.within !== undefined) {
          rows.push(
            ...db
              .prepare<[number, string, string, number], UploadRow>(
                'SELECT * FROM multipart_uploads WHERE bucket_id = ? AND key = ? AND upload_id > ? ORDER BY upload_id LIMIT ?',
              )
              .all(bucket.id, cursor.key, cursor.within, limit),
          );
        }
        if (rows.length < limit) {
          const op = cursor.within !== undefined || !cursor.inclusive ? '>' : '>=';
          const sql =
            `SELECT * FROM multipart_uploads WHERE bucket_id = ? AND key ${op} ?` +
            (upper === null ? '' : ' AND key < ?') +
            ' ORDER BY key, upload_id LIMIT ?';
          const params: (string | number)[] = [bucket.id, cursor.key];
          if (upper !== null) params.push(upper);
          params.push(limit - rows.length);
          rows.push(...db.prepare<(string | number)[], UploadRow>(sql).all(...params));
        }
        return rows.map((row) => toUpload(row, bucket.name));
      },
      keyOf: (upload) => upload.key,
      cursorAfter: (upload) => ({ key: upload.key, inclusive: false, within: upload.uploadId }),
    };
    const start = query.keyMarker
      ? { key: query.keyMarker, inclusive: false, within: query.uploadIdMarker || undefined }
      : null;
    return walkKeys(source, {
      prefix: query.prefix,
      delimiter: query.delimiter,
      start,
      skipPrefix: query.uploadIdMarker ? undefined : query.keyMarker,
      maxItems: query.maxUploads,
    });
  }

  /** `objectChecksum` decides the object's checksum from the chosen parts (and may refuse them by throwing). */
  async complete(
    upload: MultipartUpload,
    requested: { partNumber: number; etag: string }[],
    objectChecksum: (chosen: readonly UploadedPart[]) => ObjectChecksum | null = () => null,
  ): Promise<ObjectVersion> {
    if (requested.length === 0) throw new S3Error('MalformedXML');
    for (let i = 1; i < requested.length; i += 1) {
      if (requested[i].partNumber <= requested[i - 1].partNumber) throw new S3Error('InvalidPartOrder');
    }
    const stored = new Map(this.listParts(upload, 0, 10_000).parts.map((part) => [part.partNumber, part]));
    const chosen: UploadedPart[] = [];
    for (const item of requested) {
      const part = stored.get(item.partNumber);
      if (!part || unquote(part.etag) !== unquote(item.etag)) {
        throw new S3Error('InvalidPart', {
          extra: { UploadId: upload.uploadId, PartNumber: String(item.partNumber), ETag: item.etag },
        });
      }
      chosen.push(part);
    }
    chosen.forEach((part, index) => {
      if (index < chosen.length - 1 && part.size < MIN_PART_SIZE) {
        throw new S3Error('EntityTooSmall', {
          extra: {
            ProposedSize: String(part.size),
            MinSizeAllowed: String(MIN_PART_SIZE),
            PartNumber: String(part.partNumber),
            ETag: unquote(part.etag),
          },
        });
      }
    });
    const checksum = objectChecksum(chosen);
    const md5s = Buffer.concat(chosen.map((part) => Buffer.from(unquote(part.etag), 'hex')));
    const etag = `"${createHash('md5').update(md5s).digest('hex')}-${chosen.length}"`;
    let blob;
    try {
      blob = await this.blobs.writeConcatenation(chosen.map((part) => () => this.blobs.read(part.blobId)));
    } catch (error) {
      // The upload was aborted (its parts removed) while the object was being assembled.
      if ((error as { code?: unknown }).code === 'ENOENT') throw new S3Error('NoSuchUpload', { extra: { UploadId: upload.uploadId } });
      throw error;
    }
    let partBlobs: string[] = [];
    const version = await this.objects.commitNewVersion(
      upload.bucketName,
      blob.id,
      {
        key: upload.key,
        isDeleteMarker: false,
        attributes: upload.attributes,
        size: blob.size,
        etag,
        blobId: blob.id,
        partsCount: chosen.length,
        checksum,
        ownerId: upload.ownerId,
      },
      () => {
        this.require(upload.bucketName, upload.key, upload.uploadId);
        partBlobs = this.partBlobIds(upload.uploadId);
        this.db.prepare('DELETE FROM multipart_uploads WHERE upload_id = ?').run(upload.uploadId);
      },
    );
    await this.blobs.remove(partBlobs);
    return version;
  }

  async abort(upload: MultipartUpload): Promise<void> {
    const partBlobs = this.db.transaction(() => {
      const ids = this.partBlobIds(upload.uploadId);
      this.db.prepare('DELETE FROM multipart_uploads WHERE upload_id = ?').run(upload.uploadId);
      return ids;
    })();
    await this.blobs.remove(partBlobs);
  }

  private partBlobIds(uploadId: string): string[] {
    return this.db
      .prepare<[string], { blob_id: string }>('SELECT blob_id FROM multipart_parts WHERE upload_id = ?')
      .all(uploadId)
      .map((row) => row.blob_id);
  }
}
