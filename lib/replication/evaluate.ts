import { NON_REPLICATED_SOURCE_STORAGE_CLASSES } from '@/lib/replication/constants';
import type { ReplicationConfiguration, ReplicationRule, Tag } from '@/lib/replication/schema';
import {
  isRuleEnabled,
  isV2Configuration,
  replicatesDeleteMarkersV2,
  replicatesKmsObjects,
  ruleDestinationBucketName,
  rulePrefix,
  ruleTags,
} from '@/lib/replication/rule-shape';

export { isV2Configuration, ruleDestinationBucketName } from '@/lib/replication/rule-shape';

/**
 * The one model of S3 live-replication semantics (s3-replication.md §2), used by the endpoint's engine
 * (at version creation) and by the console (to explain "why was this not replicated?").
 */

export type ServerSideEncryptionAlgorithm = 'AES256' | 'aws:kms' | 'aws:kms:dsse' | 'SSE-C';

export interface ObjectVersionFacts {
  key: string;
  versionId: string;
  isDeleteMarker: boolean;
  createdAt: Date;
  /** The version's tag set (delete markers have none). */
  tags: readonly Tag[] | Readonly<Record<string, string>>;
  storageClass?: string;
  sse?: { algorithm: ServerSideEncryptionAlgorithm; kmsKeyId?: string };
  /** x-amz-replication-status of the version, e.g. 'REPLICA' on a destination. */
  replicationStatus?: string;
  /** True when evaluating a DELETE ?versionId= (a permanent version delete), which S3 never replicates. */
  deletedByVersionId?: boolean;
  /** True for a delete marker created by a lifecycle expiration (never replicated). */
  createdByLifecycle?: boolean;
}

export type NotReplicatedReasonCode =
  | 'NO_RULES'
  | 'EXISTED_BEFORE_RULE'
  | 'FILTER_MISMATCH'
  | 'RULE_DISABLED'
  | 'KMS_NOT_OPTED_IN'
  | 'IS_REPLICA'
  | 'VERSION_DELETE'
  | 'DELETE_MARKER_NOT_REPLICATED'
  | 'GLACIER_STORAGE_CLASS';

export interface NotReplicatedReason {
  code: NotReplicatedReasonCode;
  /** A sentence for people. */
  message: string;
}

interface DecisionBase {
  destinationBucket: string;
  destinationArn: string;
}

export type DestinationDecision =
  | (DecisionBase & { replicate: true; rule: ReplicationRule; ruleIndex: number; ruleId: string | undefined })
  | (DecisionBase & {
      replicate: false;
      reason: NotReplicatedReason;
      /** The rule the reason is about, when one applies. */
      ruleIndex?: number;
      ruleId?: string;
    });

export interface VersionReplicationEvaluation {
  /** True when at least one destination receives this version. */
  replicate: boolean;
  /** One decision per destination bucket named by the configuration, in rule order. */
  destinations: DestinationDecision[];
  /** Set when nothing is replicated: the reason of the first destination, or a configuration-wide one. */
  reason?: NotReplicatedReason;
}

export interface EvaluateVersionInput {
  configuration: ReplicationConfiguration | undefined;
  sourceBucket: string;
  version: ObjectVersionFacts;
  /** When each rule came into force; versions created earlier are not live-replicated. Undefined = always. */
  ruleEffectiveSince?: (ruleId: string | undefined, ruleIndex: number) => Date | undefined;
}

function tagList(tags: ObjectVersionFacts['tags']): readonly Tag[] {
  return Array.isArray(tags) ? (tags as readonly Tag[]) : Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function missingTags(rule: ReplicationRule, tags: readonly Tag[]): Tag[] {
  return ruleTags(rule).filter((wanted) => !tags.some((tag) => tag.Key === wanted.Key && tag.Value === wanted.Value));
}

/** Whether a rule's filter (V1 Prefix or V2 Filter) selects an object with this key and tag set. */
export function ruleMatchesKeyAndTags(rule: ReplicationRule, key: string, tags: ObjectVersionFacts['tags']): boolean {
  return key.startsWith(rulePrefix(rule)) && missingTags(rule, tagList(tags)).length === 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Entire bucket", "Prefix: logs/", "Tag: env=prod", "Prefix: logs/ and 2 tags". */
export function describeRuleScope(rule: ReplicationRule): string {
  const prefix = rulePrefix(rule);
  const tags = ruleTags(rule);
  if (prefix === '' && tags.length === 0) return 'Entire bucket';
  const tagText = tags.length === 1 ? `tag ${tags[0].Key}=${tags[0].Value}` : plural(tags.length, 'tag');
  if (prefix === '') return tagText.charAt(0).toUpperCase() + tagText.slice(1);
  return tags.length === 0 ? `Prefix: ${prefix}` : `Prefix: ${prefix} and ${tagText}`;
}

function describeFilterMismatch(rule: ReplicationRule, key: string, tags: readonly Tag[]): string {
  const prefix = rulePrefix(rule);
  const label = rule.ID === undefined ? 'The rule' : `Rule "${rule.ID}"`;
  if (!key.startsWith(prefix)) return `${label} only applies to keys starting with "${prefix}"; "${key}" does not.`;
  const missing = missingTags(rule, tags).map((t) => `${t.Key}=${t.Value}`);
  return `${label} requires the tag${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which this version does not have.`;
}

const reason = (code: NotReplicatedReasonCode, message: string): NotReplicatedReason => ({ code, message });

/** Reasons that hold for every destination, checked before any rule. */
function versionWideReason(version: ObjectVersionFacts, config: ReplicationConfiguration | undefined): NotReplicatedReason | undefined {
  if (!config || config.Rules.length === 0) return reason('NO_RULES', 'The source bucket has no replication rules.');
  if (version.deletedByVersionId) {
    return reason('VERSION_DELETE', 'Deleting a specific version is never replicated (it protects replicas from malicious deletion).');
  }
  if (version.replicationStatus === 'REPLICA') {
    return reason('IS_REPLICA', 'This version is itself a replica; S3 does not replicate replicas again (use Batch Replication).');
  }
  if (version.isDeleteMarker && version.createdByLifecycle) {
    return reason('DELETE_MARKER_NOT_REPLICATED', 'Delete markers created by lifecycle rules are never replicated.');
  }
  if (!version.isDeleteMarker && version.storageClass && NON_REPLICATED_SOURCE_STORAGE_CLASSES.includes(version.storageClass)) {
    return reason('GLACIER_STORAGE_CLASS', `Objects in the ${version.storageClass} storage class are not replicated.`);
  }
  return undefined;
}

interface Candidate {
  rule: ReplicationRule;
  index: number;
}

/** Among the rules for one destination, the one that applies: V2 highest Priority, V1 first match. */
function pickRule(candidates: Candidate[], v2: boolean): Candidate | undefined {
  if (!v2) return candidates[0];
  return candidates.reduce<Candidate | undefined>(
    (best, c) => (best === undefined || (c.rule.Priority ?? 0) > (best.rule.Priority ?? 0) ? c : best),
    undefined,
  );
}

/** Why the chosen rule still does not replicate this version (object-level eligibility). */
function ineligibility(rule: ReplicationRule, version: ObjectVersionFacts, v2: boolean): NotReplicatedReason | undefined {
  if (version.isDeleteMarker) {
    if (v2 && !replicatesDeleteMarkersV2(rule)) {
      return reason(
        'DELETE_MARKER_NOT_REPLICATED',
        `Delete marker replication is disabled on rule "${rule.ID ?? ''}", so the delete marker stays in the source bucket.`,
      );
    }
    return undefined;
  }
  const kms = version.sse?.algorithm === 'aws:kms' || version.sse?.algorithm === 'aws:kms:dsse';
  if (kms && !replicatesKmsObjects(rule)) {
    return reason(
      'KMS_NOT_OPTED_IN',
      `The version is encrypted with AWS KMS and rule "${rule.ID ?? ''}" does not replicate KMS-encrypted objects (SseKmsEncryptedObjects).`,
    );
  }
  return undefined;
}

/** Explains why no rule for a destination matched, preferring the most specific reason. */
function unmatchedReason(
  rules: Candidate[],
  version: ObjectVersionFacts,
  tags: readonly Tag[],
  inForce: (c: Candidate) => boolean,
): { reason: NotReplicatedReason; about?: Candidate } {
  const matching = rules.filter((c) => ruleMatchesKeyAndTags(c.rule, version.key, tags));
  const enabledMatching = matching.filter((c) => isRuleEnabled(c.rule));
  const notYet = enabledMatching.find((c) => !inForce(c));
  if (notYet) {
    return {
      about: notYet,
      reason: reason(
        'EXISTED_BEFORE_RULE',
        `This version was created before rule "${notYet.rule.ID ?? ''}" was added; existing objects are only replicated by Batch Replication.`,
      ),
    };
  }
  const disabled = matching.find((c) => !isRuleEnabled(c.rule));
  if (disabled) {
    return { about: disabled, reason: reason('RULE_DISABLED', `Rule "${disabled.rule.ID ?? ''}" matches this version but is disabled.`) };
  }
  const first = rules[0];
  return { about: first, reason: reason('FILTER_MISMATCH', describeFilterMismatch(first.rule, version.key, tags)) };
}

export function evaluateVersionReplication(input: EvaluateVersionInput): VersionReplicationEvaluation {
  const { configuration, version } = input;
  const wide = versionWideReason(version, configuration);
  const rules = (configuration?.Rules ?? []).map((rule, index) => ({ rule, index }));
  const byDestination = new Map<string, Candidate[]>();
  for (const candidate of rules) {
    const arn = candidate.rule.Destination.Bucket;
    byDestination.set(arn, [...(byDestination.get(arn) ?? []), candidate]);
  }
  if (wide) {
    const destinations: DestinationDecision[] = [...byDestination.entries()].map(([arn, candidates]) => ({
      destinationArn: arn,
      destinationBucket: ruleDestinationBucketName(candidates[0].rule),
      replicate: false,
      reason: wide,
    }));
    return { replicate: false, destinations, reason: wide };
  }

  const v2 = isV2Configuration({ Rules: configuration?.Rules ?? [] });
  const tags = tagList(version.tags);
  const inForce = (c: Candidate) => {
    const since = input.ruleEffectiveSince?.(c.rule.ID, c.index);
    return since === undefined || version.createdAt.getTime() >= since.getTime();
  };

  const destinations = [...byDestination.entries()].map(([arn, candidates]): DestinationDecision => {
    const base = { destinationArn: arn, destinationBucket: ruleDestinationBucketName(candidates[0].rule) };
    const applicable = candidates.filter((c) => isRuleEnabled(c.rule) && inForce(c) && ruleMatchesKeyAndTags(c.rule, version.key, tags));
    const chosen = pickRule(applicable, v2);
    if (!chosen) {
      const { reason: why, about } = unmatchedReason(candidates, version, tags, inForce);
      return { ...base, replicate: false, reason: why, ruleIndex: about?.index, ruleId: about?.rule.ID };
    }
    const blocked = ineligibility(chosen.rule, version, v2);
    if (blocked) return { ...base, replicate: false, reason: blocked, ruleIndex: chosen.index, ruleId: chosen.rule.ID };
    return { ...base, replicate: true, rule: chosen.rule, ruleIndex: chosen.index, ruleId: chosen.rule.ID };
  });

  const replicate = destinations.some((d) => d.replicate);
  const firstReason = destinations.find((d): d is Extract<DestinationDecision, { replicate: false }> => !d.replicate);
  return replicate ? { replicate, destinations } : { replicate, destinations, reason: firstReason?.reason };
}
