import path from 'node:path';
import { mergeSlices } from '../load';
import type { BenchOptions } from '../options';
import { motoAvailable, startCeiling, startMoto, startOurEndpoint, startS3rver, type ServerUnderTest } from '../servers';
import { endpointPhases, type EndpointRun } from './endpoint';
import { EndpointClientThreads, type ThreadedSlice } from './endpoint-threads';

export const OURS = 'embedded';

export interface EndpointSuiteResult {
  runs: EndpointRun[];
  notes: string[];
  profileDir?: string;
}

/** Each phase is cut into this many slices, run round-robin over the servers, so a burst of load elsewhere on the machine hits every server alike. */
const SLICES = 4;

function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * All servers run at once (each in its own process, idle while another is measured); every phase is sliced and the
 * slices alternate between servers, with the order rotated, so ratios compare servers under the same conditions. The
 * client runs in worker threads (EndpointClientThreads), so one thread's CPU does not cap every server alike.
 */
export async function runEndpointSuite(options: BenchOptions, resultsDir: string, stamp: string): Promise<EndpointSuiteResult> {
  const notes: string[] = [];
  const profileDir = options.profile ? path.join(resultsDir, 'profiles', stamp) : undefined;
  const starters: { name: string; start: () => Promise<ServerUnderTest> }[] = [];
  if (options.peers.ceiling) starters.push({ name: 'ceiling', start: startCeiling });
  starters.push({ name: OURS, start: () => startOurEndpoint({ cpuProfileDir: profileDir }) });
  if (options.peers.moto) {
    const moto = motoAvailable();
    if (moto.ok) starters.push({ name: 'moto', start: startMoto });
    else notes.push(`moto skipped: ${moto.reason}`);
  }
  if (options.peers.s3rver) starters.push({ name: 's3rver', start: startS3rver });

  const threads = EndpointClientThreads.start(options.endpoint.clientThreads, options.endpoint);
  const servers: ServerUnderTest[] = [];
  try {
    for (const starter of starters) {
      let server: ServerUnderTest | undefined;
      try {
        server = await starter.start();
        await threads.prepare(server);
        servers.push(server);
      } catch (error) {
        await server?.stop();
        notes.push(`${starter.name} not measured: ${firstLine(error)}`);
      }
    }
    const phases = endpointPhases(options.endpoint);
    const slices = new Map<ServerUnderTest, Map<string, ThreadedSlice[]>>(servers.map((server) => [server, new Map()]));
    for (const [phaseIndex, phase] of phases.entries()) {
      const participants = servers.filter((server) => phase.onCeiling || server.kind !== 'ceiling');
      const sliceCount = Math.min(SLICES, phase.count);
      process.stderr.write(`endpoint: ${phase.name} (${participants.map((server) => server.label).join(', ')})\n`);
      for (let s = 0; s < sliceCount; s++) {
        const from = Math.floor((s * phase.count) / sliceCount);
        const to = Math.floor(((s + 1) * phase.count) / sliceCount);
        const shift = (phaseIndex + s) % participants.length;
        for (const server of [...participants.slice(shift), ...participants.slice(0, shift)]) {
          const slice = await threads.runSlice(server, phase, from, to);
          const perPhase = slices.get(server) as Map<string, ThreadedSlice[]>;
          perPhase.set(phase.name, [...(perPhase.get(phase.name) ?? []), slice]);
        }
      }
    }
    const runs = servers.map((server) => ({
      server: server.label,
      phases: [...(slices.get(server) as Map<string, ThreadedSlice[]>)].map(([name, phaseSlices]) => {
        const definition = phases.find((p) => p.name === name);
        const result = mergeSlices(name, phaseSlices, definition?.bytesPerOperation);
        const keys = phaseSlices.findLast((slice) => slice.keysListed !== undefined)?.keysListed;
        if (keys !== undefined) result.keysPerSecond = result.opsPerSecond * keys;
        return result;
      }),
    }));
    return { runs, notes, profileDir };
  } finally {
    for (const server of servers) {
      await threads.forget(server);
      await server.stop();
    }
    await threads.stop();
  }
}
