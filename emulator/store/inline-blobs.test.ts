import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenBlobFile } from './blob-file';
import { BlobStore } from './blobs';
import { INLINE_BLOB_MAX_BYTES, InlineBlobs } from './inline-blobs';
import { openMetadataDb, type MetadataDb } from './metadata';

let dataDir: string;
let db: MetadataDb;
let inline: InlineBlobs;
let blobs: BlobStore;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'inline-blobs-'));
  db = openMetadataDb(dataDir);
  inline = new InlineBlobs(db);
  blobs = new BlobStore(dataDir, inline);
});

afterEach(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A body arriving in chunks of `chunkSize`, as a request body does. */
function chunked(bytes: Buffer, chunkSize = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  return Readable.from(chunks);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function blobFiles(): string[] {
  const root = path.join(dataDir, 'blobs');
  return readdirSync(root).flatMap((shard) => readdirSync(path.join(root, shard)));
}

const inlineRows = () => db.prepare<[], number>('SELECT COUNT(*) FROM inline_blobs').pluck().get();

describe('BlobStore with inline blobs', () => {
  it('keeps a body up to the limit in SQLite: no file, stored with the commit that references it, read from memory', async () => {
    const bytes = Buffer.alloc(INLINE_BLOB_MAX_BYTES, 7);
    bytes.write('start', 0);
    const blob = await blobs.write(chunked(bytes));
    const { id, size } = blob;
    expect(size).toBe(INLINE_BLOB_MAX_BYTES);
    expect(blobFiles()).toEqual([]);
    expect(inlineRows()).toBe(0);
    db.transaction(() => blobs.storeInline(blob))();
    expect(inlineRows()).toBe(1);
    expect((await readAll(blobs.read(id))).equals(bytes)).toBe(true);
    expect((await readAll(blobs.read(id, { start: 0, end: 4 }))).toString()).toBe('start');
    expect(blobs.readForResponse(id, size)).toEqual(bytes);
    expect(blobs.readForResponse(id, size, { start: 1, end: 3 }).toString()).toBe('tar');
  });

  it('rolls the bytes back with the transaction that was to reference them', async () => {
    const blob = await blobs.write(chunked(Buffer.from('never committed')));
    expect(() =>
      db.transaction(() => {
        blobs.storeInline(blob);
        throw new Error('version commit failed');
      })(),
    ).toThrow('version commit failed');
    expect(inlineRows()).toBe(0);
    expect(() => blobs.read(blob.id)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('stores an empty body inline', async () => {
    const blob = await blobs.write(Readable.from([]));
    blobs.storeInline(blob);
    const { id, size } = blob;
    expect(size).toBe(0);
    expect((await readAll(blobs.read(id))).length).toBe(0);
    expect(blobFiles()).toEqual([]);
  });

  it('spills a larger body to a file with the buffered bytes in front, through the transforms', async () => {
    const bytes = Buffer.from(Array.from({ length: INLINE_BLOB_MAX_BYTES * 3 + 17 }, (_, i) => i % 251));
    let seen = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        callback(null, chunk);
      },
    });
    const { id, size } = await blobs.write(chunked(bytes, 4096), [counting]);
    expect(size).toBe(bytes.length);
    expect(seen).toBe(bytes.length);
    expect(inlineRows()).toBe(0);
    expect(blobFiles()).toEqual([id]);
    expect((await readAll(blobs.read(id))).equals(bytes)).toBe(true);
    const file = blobs.readForResponse(id, size, { start: 10, end: 19 });
    expect(file).toBeInstanceOf(OpenBlobFile);
    expect(file).toMatchObject({ start: 10, end: 19, length: 10 });
    (file as OpenBlobFile).close();
  });

  it('duplicates an inline blob as a row of its own, so removing one keeps the other', async () => {
    const written = await blobs.write(chunked(Buffer.from('shared bytes')));
    blobs.storeInline(written);
    const { id } = written;
    const copy = await blobs.duplicate(id);
    expect(copy).not.toBe(id);
    await blobs.remove([id]);
    expect(() => blobs.read(id)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect((await readAll(blobs.read(copy))).toString()).toBe('shared bytes');
  });

  it('leaves neither row nor file behind when the body fails mid-stream', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 1));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(blobs.write(failing)).rejects.toThrow('client went away');
    expect(inlineRows()).toBe(0);
    expect(blobFiles()).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
  });

  it('sweeps inline rows nothing references', async () => {
    const kept = await blobs.write(chunked(Buffer.from('kept')));
    const orphan = await blobs.write(chunked(Buffer.from('orphan')));
    blobs.storeInline(kept);
    blobs.storeInline(orphan);
    const result = blobs.sweep((id) => id === kept.id);
    expect(result.removedOrphans).toBe(1);
    expect(inlineRows()).toBe(1);
    expect((await readAll(blobs.read(kept.id))).toString()).toBe('kept');
  });
});

describe('BlobStore without inline blobs', () => {
  it('writes every body, even an empty one, as a file', async () => {
    const files = new BlobStore(dataDir);
    const empty = await files.write(Readable.from([]));
    const small = await files.write(chunked(Buffer.from('tiny')));
    expect(blobFiles().sort()).toEqual([empty.id, small.id].sort());
    expect((await readAll(files.read(small.id))).toString()).toBe('tiny');
  });
});
