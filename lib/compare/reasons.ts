import { evaluateVersionReplication, type DestinationDecision, type ObjectVersionFacts, type ServerSideEncryptionAlgorithm } from '@/lib/replication/evaluate';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import { ruleDestinationBucketName, ruleTags } from '@/lib/replication/rule-shape';
import type { CompareReason, ListedEntry, SourceVersionDetails } from './types';

/** The rules of a configuration that replicate to `destinationBucket`. */
export function rulesForDestination(configuration: ReplicationConfiguration | undefined, destinationBucket: string): ReplicationRule[] {
  return (configuration?.Rules ?? []).filter((rule) => ruleDestinationBucketName(rule) === destinationBucket);
}

export function rulesFilterOnTags(rules: readonly ReplicationRule[]): boolean {
  return rules.some((rule) => ruleTags(rule).length > 0);
}

const SSE_ALGORITHMS: readonly string[] = ['AES256', 'aws:kms', 'aws:kms:dsse', 'SSE-C'];

function versionFacts(entry: ListedEntry, details: SourceVersionDetails): ObjectVersionFacts {
  const algorithm = details.sseAlgorithm;
  return {
    key: entry.key,
    versionId: entry.versionId ?? 'null',
    isDeleteMarker: entry.isDeleteMarker === true,
    createdAt: entry.lastModified ? new Date(entry.lastModified) : new Date(0),
    tags: details.tags ?? [],
    storageClass: details.storageClass ?? entry.storageClass,
    sse:
      algorithm && SSE_ALGORITHMS.includes(algorithm)
        ? { algorithm: algorithm as ServerSideEncryptionAlgorithm, kmsKeyId: details.kmsKeyId }
        : undefined,
    replicationStatus: details.replicationStatus,
  };
}

const FAR_FUTURE = new Date(8.64e15);

type NotReplicated = Extract<DestinationDecision, { replicate: false }>;

/**
 * Why a source version that carries no replication status is absent from the destination. The live rules are
 * evaluated as if always in force: if they would replicate the version, it can only have existed before the rule
 * (S3 shows exactly that: a matching object with no x-amz-replication-status).
 */
export function whyNotReplicated(
  configuration: ReplicationConfiguration | undefined,
  sourceBucket: string,
  destinationBucket: string,
  entry: ListedEntry,
  details: SourceVersionDetails,
): { reason: CompareReason; ruleId?: string } {
  const rules = rulesForDestination(configuration, destinationBucket);
  if (!configuration || rules.length === 0) {
    return {
      reason: {
        code: 'NO_RULE_FOR_DESTINATION',
        message: `No replication rule of ${sourceBucket} replicates to ${destinationBucket}.`,
      },
    };
  }
  const facts = versionFacts(entry, details);
  const decide = (notYetIndex: number | undefined) =>
    evaluateVersionReplication({
      configuration,
      sourceBucket,
      version: facts,
      ruleEffectiveSince: (_ruleId, index) => (index === notYetIndex ? FAR_FUTURE : undefined),
    }).destinations.find((d) => d.destinationBucket === destinationBucket);
  const decision = decide(undefined);
  if (!decision) return { reason: { code: 'NO_RULE_FOR_DESTINATION', message: `No replication rule replicates to ${destinationBucket}.` } };
  if (!decision.replicate) return { reason: decision.reason, ruleId: decision.ruleId };
  // The rule would replicate it now: re-evaluate with that rule "not yet in force" for evaluate's own sentence.
  const before = decide(decision.ruleIndex) as NotReplicated | undefined;
  const reason =
    before && !before.replicate && before.reason.code === 'EXISTED_BEFORE_RULE'
      ? before.reason
      : { code: 'EXISTED_BEFORE_RULE', message: 'This version was created before the rule was added; existing objects are only replicated by Batch Replication.' };
  return { reason, ruleId: decision.ruleId };
}
