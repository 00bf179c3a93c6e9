import type { EndpointWorkloadOptions } from '../options';
import type { ServerAddress } from './endpoint';

/** Messages from the benchmark's main thread to an endpoint client thread. */
export type ClientThreadRequest =
  | { id: number; type: 'prepare'; server: ServerAddress; createBucket: boolean }
  | { id: number; type: 'slice'; server: string; phase: string; from: number; to: number; concurrency: number; cursor: Int32Array }
  | { id: number; type: 'forget'; server: string };

/** A thread's answer to one request. */
export type ClientThreadReply =
  | { id: number; ok: true; slice?: ThreadSlice }
  | { id: number; ok: false; error: string };

/** What one thread measured of a slice; wall time and CPU are measured by the main thread over all of them. */
export interface ThreadSlice {
  latenciesMs: number[];
  errors: number;
  firstError?: string;
  keysListed?: number;
}

export interface ClientThreadData {
  options: EndpointWorkloadOptions;
}
