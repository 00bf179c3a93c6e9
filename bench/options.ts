import { parseArgs } from 'node:util';

export const WORKLOADS = ['endpoint', 'replication', 'compare', 'console'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface EndpointWorkloadOptions {
  objects: number;
  objectSize: number;
  concurrency: number;
  listRounds: number;
  largeObjects: number;
  largeSize: number;
  largeConcurrency: number;
  /** Worker threads the client's requests are spread over (each with its own S3 client). */
  clientThreads: number;
}

export interface ReplicationWorkloadOptions {
  /** Sustained PUT rates (PUT/s) for the lag measurement. */
  rates: number[];
  rateSeconds: number;
  backlog: number;
}

export interface BenchOptions {
  workloads: Workload[];
  endpoint: EndpointWorkloadOptions;
  replication: ReplicationWorkloadOptions;
  compareKeys: number[];
  skipBuild: boolean;
  /** Write a CPU profile of the embedded endpoint during the endpoint workload. */
  profile: boolean;
  peers: { moto: boolean; s3rver: boolean; ceiling: boolean };
  quick: boolean;
}

const MIB = 1024 * 1024;

export const DEFAULT_OPTIONS: BenchOptions = {
  workloads: [...WORKLOADS],
  endpoint: { objects: 2000, objectSize: 4096, concurrency: 32, listRounds: 5, largeObjects: 20, largeSize: 16 * MIB, largeConcurrency: 4, clientThreads: 2 },
  replication: { rates: [100, 500], rateSeconds: 20, backlog: 5000 },
  compareKeys: [10_000],
  skipBuild: false,
  profile: false,
  peers: { moto: true, s3rver: true, ceiling: true },
  quick: false,
};

/** A smoke run: every workload and peer, small sizes (well under a minute plus the console build). */
export const QUICK_OPTIONS: BenchOptions = {
  ...DEFAULT_OPTIONS,
  endpoint: { objects: 200, objectSize: 4096, concurrency: 16, listRounds: 2, largeObjects: 2, largeSize: 4 * MIB, largeConcurrency: 2, clientThreads: 2 },
  replication: { rates: [100], rateSeconds: 3, backlog: 300 },
  compareKeys: [1000],
  quick: true,
};

export const USAGE = `Usage: npm run bench -- [options]

  --quick                    small sizes for a smoke run (also reuses an existing .next build)
  --only LIST                workloads to run: ${WORKLOADS.join(',')} (default: all)
  --no-moto / --no-s3rver / --no-ceiling   leave a peer out
  --objects N                small objects (default ${DEFAULT_OPTIONS.endpoint.objects})
  --object-size BYTES        size of a small object (default ${DEFAULT_OPTIONS.endpoint.objectSize})
  --concurrency N            requests in flight for small objects (default ${DEFAULT_OPTIONS.endpoint.concurrency})
  --list-rounds N            full listings per listing phase (default ${DEFAULT_OPTIONS.endpoint.listRounds})
  --large-objects N          large objects (default ${DEFAULT_OPTIONS.endpoint.largeObjects})
  --large-size MIB           size of a large object in MiB (default ${DEFAULT_OPTIONS.endpoint.largeSize / MIB})
  --large-concurrency N      requests in flight for large objects (default ${DEFAULT_OPTIONS.endpoint.largeConcurrency})
  --client-threads N         worker threads the endpoint client runs in (default ${DEFAULT_OPTIONS.endpoint.clientThreads})
  --rates LIST               sustained PUT/s for replication lag (default ${DEFAULT_OPTIONS.replication.rates.join(',')})
  --rate-seconds N           seconds per rate (default ${DEFAULT_OPTIONS.replication.rateSeconds})
  --backlog N                versions in the replication drain test (default ${DEFAULT_OPTIONS.replication.backlog})
  --compare-keys LIST        keys per bucket for the compare workload (default ${DEFAULT_OPTIONS.compareKeys.join(',')}; try 10000,100000)
  --skip-build               console: reuse .next instead of running next build
  --profile                  write a CPU profile of the endpoint (endpoint workload) under bench/results/profiles/
  --help`;

export class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || (!allowZero && Number(value) === 0)) throw new UsageError(`--${name} must be a ${allowZero ? 'whole' : 'positive whole'} number, got "${value}"`);
  return Number(value);
}

function intList(name: string, value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part) || Number(part) === 0)) {
    throw new UsageError(`--${name} must be a comma-separated list of positive numbers, got "${value}"`);
  }
  return parts.map(Number);
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      'no-moto': { type: 'boolean' },
      'no-s3rver': { type: 'boolean' },
      'no-ceiling': { type: 'boolean' },
      objects: { type: 'string' },
      'object-size': { type: 'string' },
      concurrency: { type: 'string' },
      'list-rounds': { type: 'string' },
      'large-objects': { type: 'string' },
      'large-size': { type: 'string' },
      'large-concurrency': { type: 'string' },
      'client-threads': { type: 'string' },
      rates: { type: 'string' },
      'rate-seconds': { type: 'string' },
      backlog: { type: 'string' },
      'compare-keys': { type: 'string' },
      'skip-build': { type: 'boolean' },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const base = values.quick ? QUICK_OPTIONS : DEFAULT_OPTIONS;
  let workloads = base.workloads;
  if (values.only !== undefined) {
    const names = values.only.split(',').map((name) => name.trim());
    const unknown = names.filter((name) => !(WORKLOADS as readonly string[]).includes(name));
    if (unknown.length > 0) throw new UsageError(`--only: unknown workload(s) ${unknown.join(', ')} (known: ${WORKLOADS.join(', ')})`);
    workloads = names as Workload[];
  }
  const e = base.endpoint;
  return {
    workloads,
    endpoint: {
      objects: positiveInt('objects', values.objects, e.objects),
      objectSize: positiveInt('object-size', values['object-size'], e.objectSize),
      concurrency: positiveInt('concurrency', values.concurrency, e.concurrency),
      listRounds: positiveInt('list-rounds', values['list-rounds'], e.listRounds),
      largeObjects: positiveInt('large-objects', values['large-objects'], e.largeObjects, true),
      largeSize: values['large-size'] === undefined ? e.largeSize : positiveInt('large-size', values['large-size'], 0) * MIB,
      largeConcurrency: positiveInt('large-concurrency', values['large-concurrency'], e.largeConcurrency),
      clientThreads: positiveInt('client-threads', values['client-threads'], e.clientThreads),
    },
    replication: {
      rates: intList('rates', values.rates, base.replication.rates),
      rateSeconds: positiveInt('rate-seconds', values['rate-seconds'], base.replication.rateSeconds),
      backlog: positiveInt('backlog', values.backlog, base.replication.backlog),
    },
    compareKeys: intList('compare-keys', values['compare-keys'], base.compareKeys),
    skipBuild: values['skip-build'] ?? base.skipBuild,
    profile: values.profile ?? false,
    peers: { moto: !values['no-moto'], s3rver: !values['no-s3rver'], ceiling: !values['no-ceiling'] },
    quick: base.quick,
  };
}
