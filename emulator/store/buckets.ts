import { S3Error } from '../s3/errors';
import type { MetadataDb } from './metadata';
import { toBucket, type BucketRow } from './rows';
import type { Bucket, Tag, VersioningStatus } from './types';

/** Called before a bucket's versioning state changes; throw an S3Error to refuse (e.g. replication configured). */
export type VersioningChangeGuard = (bucket: Bucket, next: VersioningStatus) => void;

/**
 * Buckets by name. Every request reads its bucket several times, so committed rows are kept in memory; every write
 * to the buckets table goes through this class and forgets the row it changes. Rows read inside a transaction are
 * not kept (the transaction may still roll back).
 */
export class BucketStore {
  private readonly versioningGuards: VersioningChangeGuard[] = [];
  private readonly committed = new Map<string, Bucket>();

  constructor(private readonly db: MetadataDb) {}

  onVersioningChange(guard: VersioningChangeGuard): void {
    this.versioningGuards.push(guard);
  }

  find(name: string): Bucket | undefined {
    const cached = this.committed.get(name);
    if (cached) return cached;
    const row = this.db.prepare<[string], BucketRow>('SELECT * FROM buckets WHERE name = ?').get(name);
    if (!row) return undefined;
    const bucket = freezeBucket(toBucket(row));
    if (!this.db.inTransaction) this.committed.set(name, bucket);
    return bucket;
  }

  /** The bucket, or NoSuchBucket. */
  require(name: string): Bucket {
    const bucket = this.find(name);
    if (!bucket) throw new S3Error('NoSuchBucket', { extra: { BucketName: name } });
    return bucket;
  }

  list(): Bucket[] {
    return this.db.prepare<[], BucketRow>('SELECT * FROM buckets ORDER BY name').all().map(toBucket);
  }

  /** Creates the bucket; `created: false` when the caller already owns it (the handler decides the answer). */
  create(name: string, region: string, ownerId: string): { bucket: Bucket; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.find(name);
      if (existing) {
        if (existing.ownerId !== ownerId) throw new S3Error('BucketAlreadyExists', { extra: { BucketName: name } });
        return { bucket: existing, created: false };
      }
      this.db
        .prepare('INSERT INTO buckets (name, region, owner_id, created_at) VALUES (?, ?, ?, ?)')
        .run(name, region, ownerId, Date.now());
      return { bucket: this.require(name), created: true };
    })();
  }

  delete(name: string): void {
    this.db.transaction(() => {
      const bucket = this.require(name);
      const hasVersion = this.db.prepare('SELECT 1 FROM object_versions WHERE bucket_id = ? LIMIT 1').get(bucket.id);
      const hasUpload = this.db.prepare('SELECT 1 FROM multipart_uploads WHERE bucket_id = ? LIMIT 1').get(bucket.id);
      if (hasVersion || hasUpload) throw new S3Error('BucketNotEmpty', { extra: { BucketName: name } });
      this.committed.delete(name);
      this.db.prepare('DELETE FROM buckets WHERE id = ?').run(bucket.id);
    })();
  }

  setVersioning(name: string, status: VersioningStatus): Bucket {
    return this.db.transaction(() => {
      const bucket = this.require(name);
      for (const guard of this.versioningGuards) guard(bucket, status);
      this.committed.delete(name);
      this.db.prepare('UPDATE buckets SET versioning = ? WHERE id = ?').run(status, bucket.id);
      return this.require(name);
    })();
  }

  setTags(name: string, tags: Tag[] | null): void {
    const bucket = this.require(name);
    this.committed.delete(name);
    this.db.prepare('UPDATE buckets SET tags = ? WHERE id = ?').run(tags ? JSON.stringify(tags) : null, bucket.id);
  }

  /** Raw replication configuration XML (owned by the replication engine); null removes it. */
  setReplicationConfig(name: string, xml: string | null): void {
    const bucket = this.require(name);
    this.committed.delete(name);
    this.db.prepare('UPDATE buckets SET replication_config = ? WHERE id = ?').run(xml, bucket.id);
  }
}

function freezeBucket(bucket: Bucket): Bucket {
  if (bucket.tags) {
    for (const tag of bucket.tags) Object.freeze(tag);
    Object.freeze(bucket.tags);
  }
  return Object.freeze(bucket);
}
