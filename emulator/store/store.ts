import path from 'node:path';
import { BlobStore } from './blobs';
import { BucketStore } from './buckets';
import { InlineBlobs } from './inline-blobs';
import { Listing } from './listing';
import { openMetadataDb, type MetadataDb } from './metadata';
import { MultipartStore } from './multipart';
import { ObjectStore, type TagsChangedHook } from './objects';
import { FaultInjectingBlobStore, type StorageFaults } from './storage-faults';
import { VersionWriter, type VersionCreatedHook } from './versions';
import { WalFile, WalSync } from './wal-sync';

/** The endpoint's storage: SQLite metadata + blob files, and the domain operations handlers use. */
export class Store {
  readonly db: MetadataDb;
  readonly blobs: BlobStore;
  readonly buckets: BucketStore;
  readonly objects: ObjectStore;
  readonly listing: Listing;
  readonly multipart: MultipartStore;
  private readonly versionWriter: VersionWriter;
  private readonly walFile: WalFile;
  private readonly walSync: WalSync;

  private constructor(
    readonly dataDir: string,
    faults?: StorageFaults,
  ) {
    this.db = openMetadataDb(dataDir);
    const inline = new InlineBlobs(this.db);
    this.blobs = faults ? new FaultInjectingBlobStore(dataDir, faults, inline) : new BlobStore(dataDir, inline);
    this.buckets = new BucketStore(this.db);
    this.versionWriter = new VersionWriter(this.db);
    this.objects = new ObjectStore(this.db, this.blobs, this.buckets, this.versionWriter);
    this.listing = new Listing(this.db, this.buckets);
    this.multipart = new MultipartStore(this.db, this.blobs, this.buckets, this.objects);
    const totalChanges = this.db.prepare<[], number>('SELECT total_changes()').pluck();
    this.walFile = new WalFile(path.join(dataDir, 'metadata.sqlite-wal'));
    this.walSync = new WalSync(() => totalChanges.get() ?? 0, this.walFile.flush);
  }

  /** Opens the data dir, applies migrations and sweeps temp and unreferenced blob files. */
  static open(dataDir: string, options: { faults?: StorageFaults } = {}): Store {
    const store = new Store(dataDir, options.faults);
    store.sweepOrphanBlobs();
    return store;
  }

  /** Registers a hook run inside the transaction of every new version / delete marker. Returns an unregister. */
  onVersionCreated(hook: VersionCreatedHook): () => void {
    return this.versionWriter.onVersionCreated(hook);
  }

  /** Registers a hook run inside the transaction of every user tag change on a version. Returns an unregister. */
  onTagsChanged(hook: TagsChangedHook): () => void {
    return this.objects.onTagsChanged(hook);
  }

  /** Resolves when every metadata commit made so far is on disk (group commit; see wal-sync.ts). */
  durable(): Promise<void> {
    return this.walSync.durable();
  }

  close(): void {
    this.walFile.close();
    if (this.db.open) this.db.close();
  }

  private sweepOrphanBlobs(): void {
    const referenced = new Set<string>();
    for (const row of this.db
      .prepare<[], { blob_id: string }>(
        'SELECT blob_id FROM object_versions WHERE blob_id IS NOT NULL UNION SELECT blob_id FROM multipart_parts',
      )
      .iterate()) {
      referenced.add(row.blob_id);
    }
    this.blobs.sweep((id) => referenced.has(id));
  }
}
