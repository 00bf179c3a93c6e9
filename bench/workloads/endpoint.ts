import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { PhaseResult } from '../load';
import type { EndpointWorkloadOptions } from '../options';
import { benchS3Client } from '../s3-client';
import type { ServerUnderTest } from '../servers';

export interface EndpointRun {
  server: string;
  phases: PhaseResult[];
}

export const BUCKET = 'bench-objects';

/** What a client needs to know of a server (a worker thread gets only this). */
export type ServerAddress = Pick<ServerUnderTest, 'kind' | 'label' | 'url' | 'credentials'>;

/** One server's side of the workload: its client and the bodies it sends. */
export interface EndpointTarget {
  server: ServerAddress;
  client: S3Client;
  small: Buffer;
  large: Buffer;
}

export interface PhaseDefinition {
  name: string;
  count: number;
  concurrency: number;
  bytesPerOperation?: number;
  /** The ceiling server answers only PUT/GET/HEAD of small objects. */
  onCeiling: boolean;
  operation(target: EndpointTarget, index: number): Promise<unknown>;
  /** Listing phases: keys returned by each target's last full listing (for keys/s), as seen in the thread that ran it. */
  keysListed?: Map<EndpointTarget, number>;
}

const smallKey = (i: number) => `objects/${String(i).padStart(7, '0')}`;
const largeKey = (i: number) => `large/${String(i).padStart(4, '0')}`;

async function consume(body: unknown): Promise<number> {
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

async function fullListing(client: S3Client, versions: boolean): Promise<number> {
  let keys = 0;
  if (versions) {
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await client.send(
        new ListObjectVersionsCommand({ Bucket: BUCKET, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
      );
      keys += (page.Versions?.length ?? 0) + (page.DeleteMarkers?.length ?? 0);
      if (!page.IsTruncated) return keys;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
  }
  let token: string | undefined;
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }));
    keys += page.KeyCount ?? page.Contents?.length ?? 0;
    if (!page.IsTruncated) return keys;
    token = page.NextContinuationToken;
  }
}

function listingPhase(name: string, versions: boolean, options: EndpointWorkloadOptions): PhaseDefinition {
  const keysListed = new Map<EndpointTarget, number>();
  return {
    name,
    count: options.listRounds,
    concurrency: 1,
    onCeiling: false,
    keysListed,
    async operation(target) {
      const listed = await fullListing(target.client, versions);
      if (listed < options.objects) throw new Error(`listing returned ${listed} of ${options.objects} keys`);
      keysListed.set(target, listed);
    },
  };
}

/** The phases, in order; later phases use the objects earlier ones wrote. */
export function endpointPhases(options: EndpointWorkloadOptions): PhaseDefinition[] {
  const n = options.objects;
  const tenth = Math.max(1, Math.floor(n / 10));
  const small = { concurrency: options.concurrency, bytesPerOperation: options.objectSize };
  const large = { concurrency: options.largeConcurrency, bytesPerOperation: options.largeSize };
  const phases: PhaseDefinition[] = [
    {
      name: 'put-small',
      count: n,
      ...small,
      onCeiling: true,
      operation: (t, i) => t.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: smallKey(i), Body: t.small })),
    },
    {
      name: 'get-small',
      count: n,
      ...small,
      onCeiling: true,
      async operation(t, i) {
        const response = await t.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: smallKey(i) }));
        const bytes = await response.Body?.transformToByteArray();
        if (bytes?.length !== options.objectSize) throw new Error(`GET returned ${bytes?.length} bytes`);
      },
    },
    {
      name: 'head-small',
      count: n,
      concurrency: options.concurrency,
      onCeiling: true,
      operation: (t, i) => t.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: smallKey(i) })),
    },
    listingPhase('list-v2', false, options),
    listingPhase('list-versions', true, options),
    {
      name: 'overwrite-10pct',
      count: tenth,
      ...small,
      onCeiling: false,
      operation: (t, i) => t.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: smallKey(i), Body: t.small })),
    },
    {
      name: 'delete-10pct',
      count: tenth,
      concurrency: options.concurrency,
      onCeiling: false,
      operation: (t, i) => t.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: smallKey(tenth + i) })),
    },
    {
      name: 'copy-10pct',
      count: tenth,
      concurrency: options.concurrency,
      onCeiling: false,
      operation: (t, i) =>
        t.client.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `copies/${i}`, CopySource: `${BUCKET}/${smallKey(2 * tenth + i)}` })),
    },
  ];
  if (options.largeObjects > 0) {
    phases.push(
      {
        name: 'put-large',
        count: options.largeObjects,
        ...large,
        onCeiling: false,
        operation: (t, i) => t.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: largeKey(i), Body: t.large })),
      },
      {
        name: 'get-large',
        count: options.largeObjects,
        ...large,
        onCeiling: false,
        async operation(t, i) {
          const response = await t.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: largeKey(i) }));
          const bytes = await consume(response.Body);
          if (bytes !== options.largeSize) throw new Error(`GET returned ${bytes} bytes`);
        },
      },
    );
  }
  return phases;
}

const WARM_UP_OPERATIONS = 200;

/** Creates the bucket (unless another client did), opens the connections and warms both JITs with unmeasured PUT/GET pairs. */
export async function prepareTarget(
  server: ServerAddress,
  options: EndpointWorkloadOptions,
  bodies: { small: Buffer; large: Buffer },
  createBucket = true,
): Promise<EndpointTarget> {
  const client = benchS3Client(server, Math.max(options.concurrency, options.largeConcurrency) * 2);
  if (createBucket && server.kind !== 'ceiling') await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  let next = 0;
  const worker = async () => {
    while (next < WARM_UP_OPERATIONS) {
      const key = `warm-up/${next++}`;
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bodies.small }));
      const response = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      await response.Body?.transformToByteArray();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { server, client, ...bodies };
}

export function makeBodies(options: EndpointWorkloadOptions): { small: Buffer; large: Buffer } {
  return { small: randomBytes(options.objectSize), large: randomBytes(options.largeObjects > 0 ? options.largeSize : 0) };
}
