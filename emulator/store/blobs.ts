import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { link, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A blob id: a random UUID, never derived from an object key. */
export type BlobId = string;

const BLOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Owns object bytes on disk. Writes go to a temp file, are fsynced, renamed to an id-named file and the
 * directory is fsynced, so a blob either exists completely or not at all.
 */
export class BlobStore {
  private readonly blobsDir: string;
  private readonly tmpDir: string;

  constructor(dataDir: string) {
    this.blobsDir = path.join(dataDir, 'blobs');
    this.tmpDir = path.join(dataDir, 'tmp');
    mkdirSync(this.blobsDir, { recursive: true });
    mkdirSync(this.tmpDir, { recursive: true });
  }

  pathOf(id: BlobId): string {
    if (!BLOB_ID.test(id)) throw new Error(`invalid blob id ${id}`);
    return path.join(this.blobsDir, id.slice(0, 2), id);
  }

  /**
   * Streams `source` through the given transforms into a new durable blob. On any error the temp file is removed
   * and the error is rethrown.
   */
  async write(source: Readable, transforms: Transform[] = []): Promise<{ id: BlobId; size: number }> {
    const id = randomUUID();
    const tmpPath = path.join(this.tmpDir, `${id}.tmp`);
    const sink = createWriteStream(tmpPath, { flags: 'wx' });
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline([source, ...transforms, counter, sink]);
      await this.commitTemp(tmpPath, id);
      return { id, size };
    } catch (error) {
      sink.destroy();
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  /** Streams several readables one after the other into one new blob (multipart completion). */
  async writeConcatenation(sources: (() => Readable)[]): Promise<{ id: BlobId; size: number }> {
    const id = randomUUID();
    const tmpPath = path.join(this.tmpDir, `${id}.tmp`);
    const sink = createWriteStream(tmpPath, { flags: 'wx' });
    let size = 0;
    try {
      await pipeline(async function* concatenate() {
        for (const open of sources) {
          for await (const chunk of open()) {
            size += (chunk as Buffer).length;
            yield chunk as Buffer;
          }
        }
      }, sink);
      await this.commitTemp(tmpPath, id);
      return { id, size };
    } catch (error) {
      sink.destroy();
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  /** A new blob with the same bytes (a hard link: blobs are immutable). */
  async duplicate(sourceId: BlobId): Promise<BlobId> {
    const id = randomUUID();
    const target = this.pathOf(id);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      await link(this.pathOf(sourceId), target);
    } catch {
      const copied = await this.write(this.read(sourceId));
      return copied.id;
    }
    await fsyncDirectory(path.dirname(target));
    return id;
  }

  /**
   * Opens the blob now (so a blob removed a moment later, e.g. by an overwrite, still streams completely) and
   * streams it. Throws ENOENT synchronously when the blob is already gone.
   */
  read(id: BlobId, range?: { start: number; end: number }): Readable {
    const fd = openSync(this.pathOf(id), 'r');
    return createReadStream('', { fd, autoClose: true, ...(range ? { start: range.start, end: range.end } : {}) });
  }

  async remove(ids: Iterable<BlobId>): Promise<void> {
    for (const id of ids) {
      await unlink(this.pathOf(id)).catch(() => undefined);
    }
  }

  /** Start-up sweep: removes temp files and blob files that `isReferenced` does not know. */
  sweep(isReferenced: (id: BlobId) => boolean): { removedTemp: number; removedOrphans: number } {
    let removedTemp = 0;
    for (const file of readdirSync(this.tmpDir)) {
      rmSync(path.join(this.tmpDir, file), { force: true, recursive: true });
      removedTemp += 1;
    }
    let removedOrphans = 0;
    for (const shard of readdirSync(this.blobsDir)) {
      const shardDir = path.join(this.blobsDir, shard);
      for (const file of readdirSync(shardDir)) {
        if (!BLOB_ID.test(file) || !isReferenced(file)) {
          rmSync(path.join(shardDir, file), { force: true });
          removedOrphans += 1;
        }
      }
    }
    return { removedTemp, removedOrphans };
  }

  private async commitTemp(tmpPath: string, id: BlobId): Promise<void> {
    const handle = await open(tmpPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const target = this.pathOf(id);
    mkdirSync(path.dirname(target), { recursive: true });
    await rename(tmpPath, target);
    await fsyncDirectory(path.dirname(target));
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
