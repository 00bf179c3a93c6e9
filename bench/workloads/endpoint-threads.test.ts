import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../options';
import { startCeiling, type ServerUnderTest } from '../servers';
import { endpointPhases } from './endpoint';
import { EndpointClientThreads, splitEvenly } from './endpoint-threads';

describe('splitEvenly', () => {
  it('spreads requests in flight over threads as evenly as whole numbers allow', () => {
    expect(splitEvenly(32, 2)).toEqual([16, 16]);
    expect(splitEvenly(5, 3)).toEqual([2, 2, 1]);
    expect(splitEvenly(1, 1)).toEqual([1]);
  });
});

describe('EndpointClientThreads against the no-semantics server', () => {
  const options = { ...DEFAULT_OPTIONS.endpoint, objects: 120, concurrency: 6, largeObjects: 0, clientThreads: 2 };
  let server: ServerUnderTest;
  let threads: EndpointClientThreads;
  beforeAll(async () => {
    server = await startCeiling();
    threads = EndpointClientThreads.start(options.clientThreads, options);
    await threads.prepare(server);
  }, 60_000);
  afterAll(async () => {
    await threads?.forget(server);
    await threads?.stop();
    await server?.stop();
  });

  it('runs every index of a slice once over both threads and measures the whole process', async () => {
    const put = endpointPhases(options).find((phase) => phase.name === 'put-small');
    if (!put) throw new Error('no put-small phase');
    const slice = await threads.runSlice(server, put, 0, options.objects);
    expect(slice.errors).toBe(0);
    expect(slice.latenciesMs).toHaveLength(options.objects);
    expect(slice.wallSeconds).toBeGreaterThan(0);
    expect(slice.clientCpuSeconds).toBeGreaterThan(0);
    expect(slice.serverCpuSeconds).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('reports a failing operation as an error of the slice, not a crash', async () => {
    const list = endpointPhases(options).find((phase) => phase.name === 'list-v2');
    if (!list) throw new Error('no list-v2 phase');
    const slice = await threads.runSlice(server, list, 0, 1);
    expect(slice.errors).toBe(1);
    expect(slice.firstError).toBeTruthy();
  }, 60_000);
});
