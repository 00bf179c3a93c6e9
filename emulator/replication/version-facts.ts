import type { ObjectVersionFacts, ServerSideEncryptionAlgorithm } from '@/lib/replication/evaluate';
import type { ObjectVersion } from '../store/types';

const SSE_ALGORITHMS: readonly ServerSideEncryptionAlgorithm[] = ['AES256', 'aws:kms', 'aws:kms:dsse', 'SSE-C'];

function isSseAlgorithm(value: string): value is ServerSideEncryptionAlgorithm {
  return (SSE_ALGORITHMS as readonly string[]).includes(value);
}

/** What lib/replication/evaluate needs to know about a stored version. */
export function versionFacts(version: ObjectVersion): ObjectVersionFacts {
  const sse = version.sse !== null && isSseAlgorithm(version.sse) ? version.sse : undefined;
  return {
    key: version.key,
    versionId: version.versionId,
    isDeleteMarker: version.isDeleteMarker,
    createdAt: new Date(version.lastModified),
    tags: version.tags,
    storageClass: version.storageClass,
    sse: sse ? { algorithm: sse, kmsKeyId: version.sseKmsKeyId ?? undefined } : undefined,
    replicationStatus: version.replicationStatus ?? undefined,
  };
}
