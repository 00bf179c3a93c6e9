import type { JoinedKey } from './merge-join';
import { whyNotReplicated } from './reasons';
import type { CompareInput, CompareRow, CompareSide, ListedEntry, SourceVersionDetails } from './types';

export interface ClassifyContext {
  input: Pick<CompareInput, 'mode' | 'sourceBucket' | 'destinationBucket' | 'configuration'>;
  /** The (concurrency-limited) lookup of a source version. */
  lookup: (entry: ListedEntry) => Promise<SourceVersionDetails>;
}

function side(entry: ListedEntry): CompareSide {
  const result: CompareSide = { size: entry.size };
  if (entry.versionId !== undefined) result.versionId = entry.versionId;
  if (entry.etag !== undefined) result.etag = entry.etag;
  if (entry.lastModified !== undefined) result.lastModified = entry.lastModified;
  if (entry.isDeleteMarker) result.isDeleteMarker = true;
  if (entry.isLatest !== undefined) result.isLatest = entry.isLatest;
  return result;
}

function sameContent(source: ListedEntry, destination: ListedEntry): boolean {
  if (source.isDeleteMarker || destination.isDeleteMarker) return source.isDeleteMarker === destination.isDeleteMarker;
  return source.etag === destination.etag && source.size === destination.size;
}

const differsReason = (source: ListedEntry, destination: ListedEntry) => ({
  code: 'CONTENT_DIFFERS',
  message:
    source.size !== destination.size
      ? `The destination holds other content (${destination.size} bytes instead of ${source.size}).`
      : 'The destination holds other content (the ETags differ).',
});

/** The row of a source entry the listings alone settle (same content at the destination); undefined otherwise. */
function settledRow(entry: ListedEntry, destination: ListedEntry | undefined): CompareRow | undefined {
  if (!destination || !sameContent(entry, destination)) return undefined;
  return { key: entry.key, class: 'replicated', source: side(entry), destination: side(destination) };
}

/** Classifies one source entry the listings could not settle, looking its source version up. */
async function classifyLookedUp(ctx: ClassifyContext, entry: ListedEntry, destination: ListedEntry | undefined): Promise<CompareRow> {
  const row: CompareRow = { key: entry.key, class: 'replicated', source: side(entry) };
  if (destination) row.destination = side(destination);

  const details = await ctx.lookup(entry);
  if (row.source && row.source.versionId === undefined && details.versionId !== undefined) row.source.versionId = details.versionId;
  if (details.replicationStatus) row.replicationStatus = details.replicationStatus;
  if (details.replicationStatus === 'PENDING') return { ...row, class: 'pending' };
  if (details.replicationStatus === 'FAILED') {
    const code = details.failureReason ?? 'REPLICATION_FAILED';
    const message = details.failureReason
      ? `Replication failed: ${details.failureReason}.`
      : 'Replication failed; the backend does not say why (S3 reports reasons through event notifications and Batch Replication reports).';
    return { ...row, class: 'failed', reason: { code, message } };
  }
  if (destination) return { ...row, class: 'differs', reason: differsReason(entry, destination) };
  if (details.replicationStatus === 'COMPLETED') {
    return {
      ...row,
      class: 'not-replicated',
      reason: {
        code: 'MISSING_AT_DESTINATION',
        message: `The source reports COMPLETED, but ${ctx.input.destinationBucket} has no copy (deleted there, or replicated to another destination).`,
      },
    };
  }
  const { sourceBucket, destinationBucket, configuration } = ctx.input;
  const why = whyNotReplicated(configuration, sourceBucket, destinationBucket, entry, details);
  return { ...row, class: 'not-replicated', reason: why.reason, ...(why.ruleId === undefined ? {} : { ruleId: why.ruleId }) };
}

const onlyInDestination = (entry: ListedEntry): CompareRow => ({ key: entry.key, class: 'only-in-destination', destination: side(entry) });

/**
 * Rows of one joined key: one per current object, or one per version in versions mode. Synchronous (an array) when
 * the listings settle every row, which is most keys of a healthy pair; a promise when a source version must be
 * looked up.
 */
export function classifyKey(ctx: ClassifyContext, joined: JoinedKey): CompareRow[] | Promise<CompareRow[]> {
  if (ctx.input.mode === 'current') {
    const [source] = joined.source;
    const [destination] = joined.destination;
    if (!source) return destination ? [onlyInDestination(destination)] : [];
    const settled = settledRow(source, destination);
    return settled ? [settled] : classifyLookedUp(ctx, source, destination).then((row) => [row]);
  }
  const byVersion = new Map(joined.destination.map((entry) => [entry.versionId ?? 'null', entry]));
  const rows: (CompareRow | Promise<CompareRow>)[] = [];
  let lookingUp = false;
  for (const entry of joined.source) {
    const id = entry.versionId ?? 'null';
    const match = byVersion.get(id);
    byVersion.delete(id);
    const settled = settledRow(entry, match);
    if (!settled) lookingUp = true;
    rows.push(settled ?? classifyLookedUp(ctx, entry, match));
  }
  const onlyThere = [...byVersion.values()].map(onlyInDestination);
  if (!lookingUp) return [...(rows as CompareRow[]), ...onlyThere];
  return Promise.all(rows).then((classified) => [...classified, ...onlyThere]);
}
