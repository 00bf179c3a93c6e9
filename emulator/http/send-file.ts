import { read } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { OpenBlobFile } from '../store/blob-file';

const CHUNK_BYTES = 256 * 1024;
/** Chunks kept for reuse between responses (4 MiB). */
const MAX_POOLED_CHUNKS = 16;

const pool: Buffer[] = [];

function takeChunk(): Buffer {
  return pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
}

function returnChunk(chunk: Buffer): void {
  if (pool.length < MAX_POOLED_CHUNKS) pool.push(chunk);
}

function readInto(fd: number, chunk: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, chunk, 0, length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead)));
  });
}

/** Resolves when the response can take more data, or when it has closed (the caller then stops). */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Sends a blob file's range as the response body, reading it into pooled chunks that go back to the pool once the
 * socket has taken them: a large GET allocates nothing per chunk, where a file stream allocated a new buffer for
 * every 64 KiB and left the garbage collector a quarter of the work. A client that goes away stops the loop; a
 * read error (or a file shorter than its metadata says) destroys the response, so the client sees a cut body
 * rather than a complete-looking short one.
 */
export async function sendBlobFile(res: ServerResponse, file: OpenBlobFile): Promise<void> {
  let position = file.start;
  try {
    while (position <= file.end) {
      if (res.destroyed) return;
      const chunk = takeChunk();
      const bytesRead = await readInto(file.fd, chunk, Math.min(CHUNK_BYTES, file.end - position + 1), position);
      if (bytesRead === 0) throw new Error(`blob file ended ${file.end - position + 1} bytes early`);
      position += bytesRead;
      const more = res.write(chunk.subarray(0, bytesRead), () => returnChunk(chunk));
      if (!more && position <= file.end && !res.destroyed) await writable(res);
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  } finally {
    file.close();
  }
}
