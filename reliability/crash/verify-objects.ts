import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { adminRequest, type Endpoint } from '../shared/admin-client';
import { listAllVersions, type ListedVersion } from '../shared/list-versions';
import { sameState, type KeyState, type Ledger } from './ledger';

export interface ObjectFigures {
  /** Acknowledged writes not readable with their bytes, plus keys whose current state was never acceptable. */
  lost: number;
  /** Stored versions whose bytes are not exactly a body that was sent (half-written or mixed). */
  torn: number;
  /** Source versions without a replica, or whose status is not COMPLETED (source) / REPLICA (destination). */
  replicasMissing: number;
  /** Replica version ids present more than once on the destination, or not present on the source. */
  duplicateReplicas: number;
  sourceVersions: number;
  problems: string[];
}

const MAX_PROBLEMS = 20;

async function readState(s3: S3Client, bucket: string, key: string, versionId?: string): Promise<KeyState> {
  try {
    const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
    const bytes = Buffer.from(await (answer.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    return { kind: 'object', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 && versionId === undefined) return { kind: 'absent' };
    throw error;
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** Compares what the endpoint holds with the ledger, and the destination with the source. */
export async function verifyObjects(
  endpoint: Endpoint,
  s3: S3Client,
  ledger: Ledger,
  buckets: { source: string; destination: string },
): Promise<ObjectFigures> {
  const figures: ObjectFigures = { lost: 0, torn: 0, replicasMissing: 0, duplicateReplicas: 0, sourceVersions: 0, problems: [] };
  const problem = (text: string) => {
    if (figures.problems.length < MAX_PROBLEMS) figures.problems.push(text);
  };
  const source = await listAllVersions(s3, buckets.source);
  figures.sourceVersions = source.length;
  const stored = new Map<string, KeyState>();

  // Every stored version holds exactly the bytes of a body that was sent.
  await forEachLimited(
    source.filter((v) => !v.isDeleteMarker),
    8,
    async (version) => {
      // A read the SDK refuses (checksum mismatch) is as torn as wrong bytes.
      const state = await readState(s3, buckets.source, version.key, version.versionId).catch(() => undefined);
      if (state) stored.set(version.versionId, state);
      if (state?.kind !== 'object' || ledger.sentBodies.get(state.sha256) !== state.size || state.size !== version.size) {
        figures.torn += 1;
        problem(`torn: ${version.key} ${version.versionId}`);
      }
    },
  );

  // Every acknowledged write is still there, with its bytes.
  const markers = new Set(source.filter((v) => v.isDeleteMarker).map((v) => v.versionId));
  for (const op of ledger.acknowledged()) {
    const found = op.kind === 'delete' ? markers.has(op.versionId as string) : sameStored(stored.get(op.versionId as string), op.state);
    if (!found) {
      figures.lost += 1;
      problem(`lost: ${op.kind} ${op.key} ${op.versionId}`);
    }
  }

  // The latest state of every key is the last acknowledged one, or one whose outcome was unknown after it.
  await forEachLimited(ledger.keys(), 8, async (key) => {
    const current = await readState(s3, buckets.source, key).catch(() => undefined);
    if (!current || !ledger.acceptableFinalStates(key).some((state) => sameState(state, current))) {
      figures.lost += 1;
      problem(`current state of ${key} is not an acceptable one`);
    }
  });

  await verifyReplicas(endpoint, s3, buckets, source, figures, problem);
  return figures;
}

const sameStored = (state: KeyState | undefined, expected: KeyState) => state !== undefined && sameState(state, expected);

async function verifyReplicas(
  endpoint: Endpoint,
  s3: S3Client,
  buckets: { source: string; destination: string },
  source: ListedVersion[],
  figures: ObjectFigures,
  problem: (text: string) => void,
): Promise<void> {
  const destination = await listAllVersions(s3, buckets.destination);
  const copies = new Map<string, number>();
  for (const v of destination) copies.set(v.versionId, (copies.get(v.versionId) ?? 0) + 1);
  const sourceIds = new Set(source.map((v) => v.versionId));
  for (const [versionId, count] of copies) {
    if (count > 1 || !sourceIds.has(versionId)) {
      figures.duplicateReplicas += sourceIds.has(versionId) ? count - 1 : count;
      problem(`duplicate or unknown replica ${versionId} ×${count}`);
    }
  }
  await forEachLimited(source, 8, async (version) => {
    if (!copies.has(version.versionId)) {
      figures.replicasMissing += 1;
      problem(`no replica of ${version.key} ${version.versionId}`);
      return;
    }
    if (!(await replicatedWithStatus(endpoint, s3, buckets, version))) {
      figures.replicasMissing += 1;
      problem(`wrong replication status for ${version.key} ${version.versionId}`);
    }
  });
}

/** COMPLETED on the source, REPLICA with the same ETag on the destination (delete markers: the admin status). */
async function replicatedWithStatus(
  endpoint: Endpoint,
  s3: S3Client,
  buckets: { source: string; destination: string },
  version: ListedVersion,
): Promise<boolean> {
  if (version.isDeleteMarker) {
    const report = await adminRequest<{ replicationStatus: string | null }>(endpoint, 'GET', 'replication/status', {
      query: { bucket: buckets.source, key: version.key, versionId: version.versionId },
    });
    return report.status === 200 && report.body.replicationStatus === 'COMPLETED';
  }
  const [original, replica] = await Promise.all([
    s3.send(new HeadObjectCommand({ Bucket: buckets.source, Key: version.key, VersionId: version.versionId })),
    s3.send(new HeadObjectCommand({ Bucket: buckets.destination, Key: version.key, VersionId: version.versionId })),
  ]);
  return original.ReplicationStatus === 'COMPLETED' && replica.ReplicationStatus === 'REPLICA' && replica.ETag === original.ETag;
}
