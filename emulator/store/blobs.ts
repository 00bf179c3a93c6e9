import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { link, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { OpenBlobFile } from './blob-file';
import { INLINE_BLOB_MAX_BYTES, type InlineBlobs } from './inline-blobs';
import { pump } from './pump';

/** A blob id: a random UUID, never derived from an object key. */
export type BlobId = string;

export interface WrittenBlob {
  id: BlobId;
  size: number;
  /** A small body's bytes, not yet stored: see BlobStore.write. */
  inlineBytes?: Buffer;
}

/**
 * Bytes a blob file may buffer while a write is in flight; buffered chunks then go to the disk in one writev. With
 * the default 16 KiB, a large body crossed to the thread pool once per 64 KiB socket read.
 */
const FILE_WRITE_BUFFER_BYTES = 1024 * 1024;

const BLOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Owns object bytes on disk. Writes go to a temp file, are fsynced, renamed to an id-named file and the
 * directory is fsynced, so a blob either exists completely or not at all.
 */
export class BlobStore {
  private readonly blobsDir: string;
  private readonly tmpDir: string;

  /** With `inline`, blobs up to INLINE_BLOB_MAX_BYTES are kept in the metadata database instead of files. */
  constructor(
    dataDir: string,
    private readonly inline?: InlineBlobs,
  ) {
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
   * Streams `source` through the given transforms into a new blob. A body that stays within INLINE_BLOB_MAX_BYTES
   * (when this store has inline blobs) comes back as `inlineBytes`, stored by `storeInline` inside the transaction
   * that commits the version or part referencing it: one commit, no file, no fsync of its own. Anything larger is
   * written to a temp file, fsynced and renamed before this resolves. On any error the temp file is removed and the
   * error is rethrown.
   */
  async write(source: Readable, transforms: Transform[] = []): Promise<WrittenBlob> {
    const id = randomUUID();
    const tmpPath = path.join(this.tmpDir, `${id}.tmp`);
    const inlineLimit = this.inline ? INLINE_BLOB_MAX_BYTES : -1;
    const head: Buffer[] = [];
    let size = 0;
    const state: { file?: ReturnType<typeof createWriteStream> } = {};
    const openFile = (owner: Writable) => {
      const stream = createWriteStream(tmpPath, { flags: 'wx', highWaterMark: FILE_WRITE_BUFFER_BYTES });
      stream.on('error', (error) => owner.destroy(error));
      for (const chunk of head.splice(0)) stream.write(chunk);
      return stream;
    };
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (!state.file && size <= inlineLimit) {
          head.push(chunk);
          callback();
          return;
        }
        const file = (state.file ??= openFile(this));
        if (file.write(chunk)) callback();
        else file.once('drain', () => callback());
      },
      final(callback) {
        if (!state.file && inlineLimit < 0) state.file = openFile(this);
        const file = state.file;
        if (!file) {
          callback();
          return;
        }
        file.end();
        finished(file).then(() => callback(), callback);
      },
    });
    try {
      await pump(source, transforms, sink);
      if (!state.file && this.inline) return { id, size, inlineBytes: Buffer.concat(head, size) };
      await this.commitTemp(tmpPath, id);
      return { id, size };
    } catch (error) {
      state.file?.destroy();
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  /** Stores a written inline blob's bytes; call inside the transaction that commits the row referencing it. */
  storeInline(blob: WrittenBlob): void {
    if (blob.inlineBytes) this.inline?.insert(blob.id, blob.inlineBytes);
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
    if (this.inline?.copy(sourceId, id)) return id;
    const target = this.pathOf(id);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      await link(this.pathOf(sourceId), target);
    } catch {
      const copied = await this.write(this.read(sourceId));
      this.storeInline(copied);
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
    const inlineBytes = this.readInline(id, range);
    if (inlineBytes) return Readable.from([inlineBytes]);
    return this.readFile(id, range);
  }

  /**
   * A response body: an inline blob's bytes as they are (no stream to set up for a few KiB), a file opened now for
   * the HTTP layer to send. `size` is the blob's size (from its version). Throws ENOENT when the blob is gone.
   */
  readForResponse(id: BlobId, size: number, range?: { start: number; end: number }): Buffer | OpenBlobFile {
    const inlineBytes = this.readInline(id, range);
    if (inlineBytes) return inlineBytes;
    return new OpenBlobFile(openSync(this.pathOf(id), 'r'), range?.start ?? 0, range?.end ?? size - 1);
  }

  private readInline(id: BlobId, range: { start: number; end: number } | undefined): Buffer | undefined {
    const bytes = this.inline?.get(id);
    return bytes && range ? bytes.subarray(range.start, range.end + 1) : bytes;
  }

  private readFile(id: BlobId, range: { start: number; end: number } | undefined): Readable {
    const fd = openSync(this.pathOf(id), 'r');
    return createReadStream('', { fd, autoClose: true, ...(range ? { start: range.start, end: range.end } : {}) });
  }

  async remove(ids: Iterable<BlobId>): Promise<void> {
    for (const id of ids) {
      if (this.inline?.delete(id)) continue;
      await unlink(this.pathOf(id)).catch(() => undefined);
    }
  }

  /** Start-up sweep: removes temp files and blob files that `isReferenced` does not know. */
  sweep(isReferenced: (id: BlobId) => boolean): { removedTemp: number; removedOrphans: number } {
    let removedTemp = 0;
    let removedOrphans = this.inline?.sweep(isReferenced) ?? 0;
    for (const file of readdirSync(this.tmpDir)) {
      rmSync(path.join(this.tmpDir, file), { force: true, recursive: true });
      removedTemp += 1;
    }
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
