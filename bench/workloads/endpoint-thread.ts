import { parentPort, workerData } from 'node:worker_threads';
import { runSlice } from '../load';
import { endpointPhases, makeBodies, prepareTarget, type EndpointTarget } from './endpoint';
import type { ClientThreadData, ClientThreadReply, ClientThreadRequest, ThreadSlice } from './endpoint-threads-protocol';

/** One client thread of the endpoint workload: its own S3 clients (one per server), driven by the main thread. */
const { options } = workerData as ClientThreadData;
const phases = new Map(endpointPhases(options).map((phase) => [phase.name, phase]));
const bodies = makeBodies(options);
const targets = new Map<string, EndpointTarget>();
const port = parentPort;
if (!port) throw new Error('endpoint-thread.ts runs as a worker thread');

async function handle(request: ClientThreadRequest): Promise<ThreadSlice | undefined> {
  if (request.type === 'prepare') {
    targets.set(request.server.label, await prepareTarget(request.server, options, bodies, request.createBucket));
    return undefined;
  }
  const target = targets.get(request.server);
  if (!target) throw new Error(`no client prepared for ${request.server}`);
  if (request.type === 'forget') {
    target.client.destroy();
    targets.delete(request.server);
    return undefined;
  }
  const phase = phases.get(request.phase);
  if (!phase) throw new Error(`unknown phase ${request.phase}`);
  const slice = await runSlice({
    from: request.from,
    to: request.to,
    concurrency: request.concurrency,
    sharedCursor: request.cursor,
    operation: (index) => phase.operation(target, index),
  });
  return { latenciesMs: slice.latenciesMs, errors: slice.errors, firstError: slice.firstError, keysListed: phase.keysListed?.get(target) };
}

port.on('message', (request: ClientThreadRequest) => {
  handle(request).then(
    (slice): void => port.postMessage({ id: request.id, ok: true, slice } satisfies ClientThreadReply),
    (error: unknown): void =>
      port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ClientThreadReply),
  );
});
