import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyDigests, DigestRequest, DigestResult } from './body-digests';
import type { DigestThreadReply, DigestThreadRequest } from './digest-threads-protocol';

/** Bytes gathered before they are handed to the digest thread (fewer, larger messages). */
const BATCH_BYTES = 256 * 1024;

const THREAD_MODULE = fileURLToPath(new URL('./digest-thread.ts', import.meta.url));
const TSX_REGISTER = createRequire(import.meta.url).resolve('tsx/cjs/api');

type Waiter = { resolve(result: DigestResult): void; reject(error: Error): void };

/** One worker thread and the jobs waiting for its answers; a thread that dies fails its jobs and is replaced. */
class DigestThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiter>();

  post(message: DigestThreadRequest, transfer?: ArrayBuffer[]): void {
    this.started().postMessage(message, transfer);
  }

  result(job: number): Promise<DigestResult> {
    return new Promise((resolve, reject) => this.waiting.set(job, { resolve, reject }));
  }

  forget(job: number): void {
    this.waiting.delete(job);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // The endpoint runs as TypeScript (tsx), so the thread registers the same loader before loading its module.
    const worker = new Worker(`require(${JSON.stringify(TSX_REGISTER)}).register(); require(${JSON.stringify(THREAD_MODULE)});`, {
      eval: true,
    });
    worker.unref();
    worker.on('message', (reply: DigestThreadReply) => {
      const waiter = this.waiting.get(reply.job);
      this.waiting.delete(reply.job);
      if (!waiter) return;
      if (reply.ok) {
        waiter.resolve({ md5: Buffer.from(reply.md5), sha256Hex: reply.sha256Hex, checksumBase64: reply.checksumBase64 });
      } else {
        waiter.reject(new Error(`digest thread: ${reply.error}`));
      }
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`digest thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

const threads = Array.from({ length: Math.max(1, Math.min(2, availableParallelism() - 1)) }, () => new DigestThread());
let nextJob = 1;

/**
 * Hashing on a worker thread, for large bodies: MD5, SHA-256 and a CRC of 16 MiB cost the main thread ~36 ms, time
 * in which it could not serve other requests. Chunks are copied into batches that are transferred (not cloned) to
 * the thread; the result comes back when the body has ended.
 */
export function offThreadDigests(request: DigestRequest): BodyDigests {
  const job = nextJob++;
  const thread = threads[job % threads.length] as DigestThread;
  thread.post({ type: 'start', job, digests: request });
  let batch = new Uint8Array(BATCH_BYTES);
  let filled = 0;
  const flush = () => {
    if (filled === 0) return;
    const bytes = batch.subarray(0, filled);
    thread.post({ type: 'data', job, bytes }, [batch.buffer]);
    batch = new Uint8Array(BATCH_BYTES);
    filled = 0;
  };
  return {
    update(chunk) {
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(chunk.length - offset, BATCH_BYTES - filled);
        batch.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === BATCH_BYTES) flush();
      }
    },
    finish() {
      flush();
      const result = thread.result(job);
      thread.post({ type: 'end', job });
      return result;
    },
    discard() {
      thread.forget(job);
      thread.post({ type: 'discard', job });
    },
  };
}
