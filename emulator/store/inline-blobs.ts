import type { MetadataDb } from './metadata';

/** Blobs up to this size live in SQLite (inline_blobs); larger ones are files. */
export const INLINE_BLOB_MAX_BYTES = 16 * 1024;

/**
 * Small blobs' bytes in the metadata database. Written as an ordinary commit before the version that references
 * them, so the WAL fsync that makes the version durable (Store.durable) has already covered the bytes.
 */
export class InlineBlobs {
  private readonly selectBytes;
  private readonly insertBytes;
  private readonly deleteBytes;
  private readonly copyBytes;

  constructor(private readonly db: MetadataDb) {
    this.selectBytes = db.prepare<[string], Buffer>('SELECT bytes FROM inline_blobs WHERE id = ?').pluck();
    this.insertBytes = db.prepare<[string, Buffer]>('INSERT INTO inline_blobs (id, bytes) VALUES (?, ?)');
    this.deleteBytes = db.prepare<[string]>('DELETE FROM inline_blobs WHERE id = ?');
    this.copyBytes = db.prepare<[string, string]>('INSERT INTO inline_blobs (id, bytes) SELECT ?, bytes FROM inline_blobs WHERE id = ?');
  }

  get(id: string): Buffer | undefined {
    return this.selectBytes.get(id);
  }

  insert(id: string, bytes: Buffer): void {
    this.insertBytes.run(id, bytes);
  }

  /** Copies `from` to a new id; false when `from` is not an inline blob. */
  copy(from: string, to: string): boolean {
    return this.copyBytes.run(to, from).changes === 1;
  }

  delete(id: string): boolean {
    return this.deleteBytes.run(id).changes === 1;
  }

  /** Removes rows that `isReferenced` does not know (start-up sweep); returns how many. */
  sweep(isReferenced: (id: string) => boolean): number {
    const orphans = this.db
      .prepare<[], string>('SELECT id FROM inline_blobs')
      .pluck()
      .all()
      .filter((id) => !isReferenced(id));
    this.db.transaction(() => {
      for (const id of orphans) this.deleteBytes.run(id);
    })();
    return orphans.length;
  }
}
