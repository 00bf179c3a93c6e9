import { Transform, type Readable } from 'node:stream';
import { BlobStore, type BlobId, type WrittenBlob } from './blobs';
import type { InlineBlobs } from './inline-blobs';

/**
 * Test seam (`startEmulator({ faults })`): lets reliability tests simulate a full disk in the blob store's write
 * paths. Never set in production; without it the plain BlobStore is used.
 */
export type BlobWriteKind = 'write' | 'concatenate' | 'duplicate';

export interface StorageFaults {
  /** Return an error to fail this blob write the way the file system would (e.g. `diskFullError()`). */
  blobWriteError?(kind: BlobWriteKind): Error | undefined;
}

export function diskFullError(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

/** A BlobStore whose writes consult `faults`; a streamed write fails mid-stream, so the temp-file clean-up runs. */
export class FaultInjectingBlobStore extends BlobStore {
  constructor(
    dataDir: string,
    private readonly faults: StorageFaults,
    inline?: InlineBlobs,
  ) {
    super(dataDir, inline);
  }

  override write(source: Readable, transforms: Transform[] = []): Promise<WrittenBlob> {
    const faults = this.faults;
    const failing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        callback(faults.blobWriteError?.('write') ?? null, chunk);
      },
      flush(callback) {
        callback(faults.blobWriteError?.('write') ?? null);
      },
    });
    return super.write(source, [...transforms, failing]);
  }

  override async writeConcatenation(sources: (() => Readable)[]): Promise<{ id: BlobId; size: number }> {
    const error = this.faults.blobWriteError?.('concatenate');
    if (error) throw error;
    return super.writeConcatenation(sources);
  }

  override async duplicate(sourceId: BlobId): Promise<BlobId> {
    const error = this.faults.blobWriteError?.('duplicate');
    if (error) throw error;
    return super.duplicate(sourceId);
  }
}
