import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { measure, type Slice } from '../load';
import type { EndpointWorkloadOptions } from '../options';
import type { ServerUnderTest } from '../servers';
import type { PhaseDefinition } from './endpoint';
import type { ClientThreadData, ClientThreadReply, ClientThreadRequest, ThreadSlice } from './endpoint-threads-protocol';

/** A slice as measured over all threads; a listing phase's slice also says how many keys its last full listing returned. */
export interface ThreadedSlice extends Slice {
  keysListed?: number;
}

type Pending = { resolve(slice: ThreadSlice | undefined): void; reject(error: Error): void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type RequestBody = WithoutId<ClientThreadRequest>;

const THREAD_MODULE = fileURLToPath(new URL('./endpoint-thread.ts', import.meta.url));

/** Distributes `total` (e.g. requests in flight) over `parts` as evenly as whole numbers allow. */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** A worker thread running endpoint-thread.ts (TypeScript through tsx's require hook). */
class ClientThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(data: ClientThreadData) {
    this.worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(THREAD_MODULE)});`, {
      eval: true,
      workerData: data,
    });
    this.worker.on('message', (reply: ClientThreadReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.slice);
      else waiter?.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`client thread exited (code ${code})`)));
  }

  request(body: RequestBody): Promise<ThreadSlice | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id } as ClientThreadRequest);
    });
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * The endpoint workload's client: the same `@aws-sdk/client-s3` configuration in `count` worker threads, each with
 * its own client per server. A slice's requests in flight are split over the threads, which take indexes from one
 * shared cursor, so one client thread's CPU is not the limit of what a server can be shown to do. Wall time and CPU
 * (this process: all threads; the server's process) are measured here, around all threads' work.
 */
export class EndpointClientThreads {
  private constructor(private readonly threads: ClientThread[]) {}

  static start(count: number, options: EndpointWorkloadOptions): EndpointClientThreads {
    return new EndpointClientThreads(Array.from({ length: count }, () => new ClientThread({ options })));
  }

  get count(): number {
    return this.threads.length;
  }

  /** Every thread opens its client and warms up; the first one creates the bucket. */
  async prepare(server: ServerUnderTest): Promise<void> {
    const address = { kind: server.kind, label: server.label, url: server.url, credentials: server.credentials };
    const [first, ...rest] = this.threads;
    await first?.request({ type: 'prepare', server: address, createBucket: true });
    await Promise.all(rest.map((thread) => thread.request({ type: 'prepare', server: address, createBucket: false })));
  }

  async runSlice(server: ServerUnderTest, phase: PhaseDefinition, from: number, to: number): Promise<ThreadedSlice> {
    // A phase with fewer requests in flight than threads (a listing: one at a time) runs on as many threads.
    const shares = splitEvenly(phase.concurrency, Math.min(phase.concurrency, this.threads.length));
    const cursor = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const { result: parts, ...usage } = await measure(
      () =>
        Promise.all(
          shares.map((concurrency, i) =>
            (this.threads[i] as ClientThread).request({ type: 'slice', server: server.label, phase: phase.name, from, to, concurrency, cursor }),
          ),
        ),
      server.child.pid,
    );
    const measured = parts.filter((part): part is ThreadSlice => part !== undefined);
    const keys = measured.map((part) => part.keysListed).filter((value): value is number => value !== undefined);
    return {
      latenciesMs: measured.flatMap((part) => part.latenciesMs),
      errors: measured.reduce((sum, part) => sum + part.errors, 0),
      firstError: measured.find((part) => part.firstError)?.firstError,
      ...usage,
      keysListed: keys.length > 0 ? Math.max(...keys) : undefined,
    };
  }

  /** Closes every thread's client of `server` (before the server stops). */
  async forget(server: ServerUnderTest): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.request({ type: 'forget', server: server.label }).catch(() => undefined)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}
