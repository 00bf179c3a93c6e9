import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeTempDir, removeTempDir } from './processes';

export interface DiskCeiling {
  files: number;
  fileBytes: number;
  concurrency: number;
  megabytesPerSecond: number;
}

/**
 * The most a durable server can store on this disk: `files` new files of `fileBytes`, each written and fdatasynced
 * (what the endpoint does before it acknowledges a large PUT), `concurrency` at a time, in the temp directory the
 * endpoint's data lives in. Peers that never fsync are not bound by it.
 */
export async function measureDiskCeiling(files: number, fileBytes: number, concurrency: number): Promise<DiskCeiling> {
  const dir = makeTempDir('disk');
  const body = randomBytes(fileBytes);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < files) {
      const file = path.join(dir, `file-${next++}`);
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(body);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files) }, worker));
  const seconds = (performance.now() - started) / 1000;
  removeTempDir(dir);
  return { files, fileBytes, concurrency, megabytesPerSecond: (files * fileBytes) / 1e6 / seconds };
}
