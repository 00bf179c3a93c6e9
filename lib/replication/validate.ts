import { bucketNameFromArn, isValidBucketName } from '@/lib/s3/bucket-name';
import { REPLICATION_LIMITS } from '@/lib/replication/constants';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import { isV2Configuration, ruleDestinationBucketName, ruleTags } from '@/lib/replication/rule-shape';
import { MALFORMED_XML_MESSAGE } from '@/lib/replication/s3-messages';

/**
 * Every PutBucketReplication check of s3-replication.md §1.4, reporting ALL issues in the order S3 is
 * believed to check them (the endpoint answers with the first one). Messages are AWS's exact texts where
 * the fact sheet marks them observed or documented; the others are marked [unsure] below.
 */
export type ReplicationIssueCode = 'MalformedXML' | 'InvalidRequest' | 'InvalidArgument' | 'InvalidStorageClass';

export interface ReplicationIssue {
  /** Where in the SDK JSON shape, e.g. `Rules[1].Filter.And.Tags[0].Key`; `sourceBucket` for the source's state. */
  path: string;
  code: ReplicationIssueCode;
  message: string;
}

export type BucketVersioningState = 'Enabled' | 'Suspended' | undefined;

export interface BucketFacts {
  exists: boolean;
  versioning: BucketVersioningState;
  ownerAccountId?: string;
}

export interface ReplicationValidationContext {
  sourceBucket: string;
  /** Facts about a bucket by name; omit to skip the checks that need the world (console pre-checks). */
  bucketInfo?: (name: string) => BucketFacts | undefined;
}

export const REPLICATION_MESSAGES = {
  sourceVersioning: "Versioning must be 'Enabled' on the bucket to apply a replication configuration",
  destinationVersioning: 'Destination bucket must have versioning enabled.',
  deleteMarkerRequired:
    'DeleteMarkerReplication must be specified for this version of Cross Region Replication configuration schema. Please refer to S3 Developer Guide for more information.',
  // [unsure] emulator text; note the missing space after "schema." is in the copied text.
  priorityRequired:
    'Priority must be specified for this version of Cross Region Replication configuration schema.Please refer to S3 Developer Guide for more information.',
  deleteMarkerWithTags:
    'Delete marker replication is not supported if any Tag filter is specified. Please refer to S3 Developer Guide for more information.',
  ruleIdNonAscii: 'Rule ID must not contain non-ASCII characters',
  ruleIdUnique: 'Rule Id must be unique.', // [unsure] emulator text
  ruleIdTooLong: 'The ID length should not exceed allowed limit of 255', // [unsure]
  ownerNeedsAccount:
    'The <Owner> in <AccessControlTranslation> has a value, so the <Account> element must be specified.',
  accountEmpty: 'The <Account> element is empty. It must contain a valid account ID.',
  accountOwnerMismatch: 'The AWS account specified in the <Account> element must match the destination bucket owner.',
  rtcNeedsMetrics: 'The replication destination must contain both ReplicationTime and Metrics, or neither.',
  rtcMetricsStatus: 'ReplicationTime and ReplicationMetrics must have the same status.',
  rtcStatusMissing: 'ReplicationTime-Status must contain a value.',
  rtcMinutes: 'Replication-ReplicationTimeValue-Minutes value must be 15.',
  metricsStatusMissing: 'ReplicationMetrics must contain a Status.',
  metricsThresholdMissing: 'ReplicationMetrics must contain an EventThreshold.',
  metricsMinutes: 'EventThreshold-ReplicationTimeValue-Minutes value must be 15.',
  kmsKeyRequired: 'ReplicaKmsKeyID must be specified if SseKmsEncryptedObjects tag is present.',
  v1SingleDestination: 'Number of distinct destination bucket ARNs cannot exceed 1',
  duplicateTagKeys: 'Duplicate Tag Keys are not allowed.',
  sameBucket: 'Destination bucket cannot be the same as the source bucket.', // [unsure] emulator text
  // [unsure] texts below: no AWS source found; codes chosen to match S3's families.
  replicaModificationsV1:
    'ReplicaModifications is not supported for this version of Cross Region Replication configuration schema. Please refer to S3 Developer Guide for more information.',
  mixedSchema:
    'Rules with a Filter and rules without one cannot be combined in one replication configuration. Please refer to S3 Developer Guide for more information.',
  prefixTooLong: 'The maximum size of a prefix is 1024.',
  tagKeyTooLong: 'The TagKey you have provided is too long, max 128',
  tagValueTooLong: 'The TagValue you have provided is too long, max 256',
  invalidDestinationArn: 'The destination bucket must be specified as a bucket ARN (arn:aws:s3:::bucket-name).',
  invalidStorageClass: 'The storage class you specified is not valid',
  tooManyRules: 'A replication configuration can have at most 1000 rules.',
} as const;

const duplicatePriorityMessage = (priority: number) => `Found duplicate priority ${priority}.`; // [unsure] emulator text

type Report = (path: string, code: ReplicationIssueCode, message: string) => void;

function checkFilterShape(rule: ReplicationRule, at: string, report: Report): void {
  const filter = rule.Filter;
  if (!filter) return;
  if (rule.Prefix !== undefined) report(`${at}.Prefix`, 'MalformedXML', MALFORMED_XML_MESSAGE);
  const children = [filter.Prefix, filter.Tag, filter.And].filter((child) => child !== undefined).length;
  if (children > 1) report(`${at}.Filter`, 'MalformedXML', MALFORMED_XML_MESSAGE);
}

function checkPrefixesAndTags(rule: ReplicationRule, at: string, report: Report): void {
  const prefixes: [string, string | undefined][] = [
    [`${at}.Prefix`, rule.Prefix],
    [`${at}.Filter.Prefix`, rule.Filter?.Prefix],
    [`${at}.Filter.And.Prefix`, rule.Filter?.And?.Prefix],
  ];
  for (const [path, prefix] of prefixes) {
    if (prefix !== undefined && prefix.length > REPLICATION_LIMITS.maxPrefixLength) {
      report(path, 'InvalidArgument', REPLICATION_MESSAGES.prefixTooLong);
    }
  }
  const tagsPath = rule.Filter?.Tag ? `${at}.Filter.Tag` : `${at}.Filter.And.Tags`;
  const seen = new Set<string>();
  ruleTags(rule).forEach((tag, index) => {
    const path = rule.Filter?.Tag ? tagsPath : `${tagsPath}[${index}]`;
    if (Array.from(tag.Key).length > REPLICATION_LIMITS.maxTagKeyLength) {
      report(`${path}.Key`, 'InvalidArgument', REPLICATION_MESSAGES.tagKeyTooLong);
    }
    if (Array.from(tag.Value).length > REPLICATION_LIMITS.maxTagValueLength) {
      report(`${path}.Value`, 'InvalidArgument', REPLICATION_MESSAGES.tagValueTooLong);
    }
    if (seen.has(tag.Key)) report(`${path}.Key`, 'InvalidRequest', REPLICATION_MESSAGES.duplicateTagKeys);
    seen.add(tag.Key);
  });
}

function checkRuleId(rule: ReplicationRule, at: string, report: Report): void {
  if (rule.ID === undefined) return;
  if (rule.ID.length > REPLICATION_LIMITS.maxRuleIdLength) report(`${at}.ID`, 'InvalidArgument', REPLICATION_MESSAGES.ruleIdTooLong);
  if (/[^\x00-\x7f]/.test(rule.ID)) report(`${at}.ID`, 'InvalidArgument', REPLICATION_MESSAGES.ruleIdNonAscii);
}

function checkV2Rule(rule: ReplicationRule, at: string, report: Report): void {
  if (rule.Filter === undefined) {
    report(`${at}.Filter`, 'InvalidRequest', REPLICATION_MESSAGES.mixedSchema);
    return;
  }
  if (rule.DeleteMarkerReplication === undefined) {
    report(`${at}.DeleteMarkerReplication`, 'InvalidRequest', REPLICATION_MESSAGES.deleteMarkerRequired);
  }
  if (rule.Priority === undefined) report(`${at}.Priority`, 'InvalidRequest', REPLICATION_MESSAGES.priorityRequired);
  if (rule.DeleteMarkerReplication?.Status === 'Enabled' && ruleTags(rule).length > 0) {
    report(`${at}.DeleteMarkerReplication.Status`, 'InvalidRequest', REPLICATION_MESSAGES.deleteMarkerWithTags);
  }
}

/**
 * Replication time control and metrics. NOTE: the error list says "both ReplicationTime and Metrics, or
 * neither", but the User Guide documents Metrics alone (without RTC) as valid; we follow the User Guide:
 * ReplicationTime requires Metrics, Metrics may stand alone, and EventThreshold is required only with RTC.
 */
function checkReplicationTime(rule: ReplicationRule, at: string, report: Report): void {
  const { ReplicationTime: rtc, Metrics: metrics } = rule.Destination;
  const d = `${at}.Destination`;
  if (rtc) {
    if (rtc.Status === undefined) report(`${d}.ReplicationTime.Status`, 'InvalidArgument', REPLICATION_MESSAGES.rtcStatusMissing);
    if (rtc.Time?.Minutes !== REPLICATION_LIMITS.replicationTimeMinutes) {
      report(`${d}.ReplicationTime.Time.Minutes`, 'InvalidArgument', REPLICATION_MESSAGES.rtcMinutes);
    }
    if (!metrics) report(`${d}.Metrics`, 'InvalidRequest', REPLICATION_MESSAGES.rtcNeedsMetrics);
  }
  if (metrics) {
    if (metrics.Status === undefined) report(`${d}.Metrics.Status`, 'InvalidArgument', REPLICATION_MESSAGES.metricsStatusMissing);
    if (metrics.EventThreshold === undefined) {
      if (rtc) report(`${d}.Metrics.EventThreshold`, 'InvalidArgument', REPLICATION_MESSAGES.metricsThresholdMissing);
    } else if (metrics.EventThreshold.Minutes !== REPLICATION_LIMITS.replicationTimeMinutes) {
      report(`${d}.Metrics.EventThreshold.Minutes`, 'InvalidArgument', REPLICATION_MESSAGES.metricsMinutes);
    }
  }
  if (rtc?.Status && metrics?.Status && rtc.Status !== metrics.Status) {
    report(`${d}.Metrics.Status`, 'InvalidRequest', REPLICATION_MESSAGES.rtcMetricsStatus);
  }
}

function checkDestination(rule: ReplicationRule, at: string, sourceBucket: string, report: Report): void {
  const destination = rule.Destination;
  const d = `${at}.Destination`;
  const name = bucketNameFromArn(destination.Bucket);
  if (name === undefined || !isValidBucketName(name)) {
    report(`${d}.Bucket`, 'InvalidArgument', REPLICATION_MESSAGES.invalidDestinationArn);
  } else if (name === sourceBucket) {
    report(`${d}.Bucket`, 'InvalidRequest', REPLICATION_MESSAGES.sameBucket);
  }
  if (destination.Account === '') report(`${d}.Account`, 'InvalidArgument', REPLICATION_MESSAGES.accountEmpty);
  if (destination.AccessControlTranslation && destination.Account === undefined) {
    report(`${d}.Account`, 'InvalidRequest', REPLICATION_MESSAGES.ownerNeedsAccount);
  }
  if (destination.StorageClass === 'FSX_OPENZFS') {
    report(`${d}.StorageClass`, 'InvalidStorageClass', REPLICATION_MESSAGES.invalidStorageClass);
  }
  if (
    rule.SourceSelectionCriteria?.SseKmsEncryptedObjects?.Status === 'Enabled' &&
    !destination.EncryptionConfiguration?.ReplicaKmsKeyID
  ) {
    report(`${d}.EncryptionConfiguration.ReplicaKmsKeyID`, 'InvalidRequest', REPLICATION_MESSAGES.kmsKeyRequired);
  }
  checkReplicationTime(rule, at, report);
}

function checkAcrossRules(config: ReplicationConfiguration, v2: boolean, report: Report): void {
  const ids = new Set<string>();
  const priorities = new Set<number>();
  const destinations = new Set<string>();
  config.Rules.forEach((rule, index) => {
    const at = `Rules[${index}]`;
    if (rule.ID !== undefined) {
      if (ids.has(rule.ID)) report(`${at}.ID`, 'InvalidArgument', REPLICATION_MESSAGES.ruleIdUnique);
      ids.add(rule.ID);
    }
    if (v2 && rule.Priority !== undefined) {
      if (priorities.has(rule.Priority)) report(`${at}.Priority`, 'InvalidRequest', duplicatePriorityMessage(rule.Priority));
      priorities.add(rule.Priority);
    }
    if (!v2 && destinations.size === 1 && !destinations.has(rule.Destination.Bucket)) {
      report(`${at}.Destination.Bucket`, 'InvalidRequest', REPLICATION_MESSAGES.v1SingleDestination);
    }
    destinations.add(rule.Destination.Bucket);
  });
}

function checkWorldDestinations(
  config: ReplicationConfiguration,
  bucketInfo: (name: string) => BucketFacts | undefined,
  report: Report,
): void {
  const checked = new Set<string>();
  config.Rules.forEach((rule, index) => {
    const name = bucketNameFromArn(rule.Destination.Bucket);
    if (name === undefined || checked.has(name)) return;
    checked.add(name);
    const facts = bucketInfo(name);
    const at = `Rules[${index}].Destination`;
    // AWS answers a missing destination with the versioning text too (observed).
    if (!facts?.exists || facts.versioning !== 'Enabled') {
      report(`${at}.Bucket`, 'InvalidRequest', REPLICATION_MESSAGES.destinationVersioning);
      return;
    }
    const account = rule.Destination.Account;
    if (account && facts.ownerAccountId !== undefined && account !== facts.ownerAccountId) {
      report(`${at}.Account`, 'InvalidArgument', REPLICATION_MESSAGES.accountOwnerMismatch);
    }
  });
}

export function validateReplicationConfiguration(
  config: ReplicationConfiguration,
  ctx: ReplicationValidationContext,
): ReplicationIssue[] {
  const issues: ReplicationIssue[] = [];
  const report: Report = (path, code, message) => issues.push({ path, code, message });

  if (config.Rules.length === 0) report('Rules', 'MalformedXML', MALFORMED_XML_MESSAGE);
  if (config.Rules.length > REPLICATION_LIMITS.maxRules) report('Rules', 'MalformedXML', MALFORMED_XML_MESSAGE);
  config.Rules.forEach((rule, index) => {
    const at = `Rules[${index}]`;
    if (rule.ExistingObjectReplication !== undefined) report(`${at}.ExistingObjectReplication`, 'MalformedXML', MALFORMED_XML_MESSAGE);
    checkFilterShape(rule, at, report);
  });

  if (ctx.bucketInfo && ctx.bucketInfo(ctx.sourceBucket)?.versioning !== 'Enabled') {
    report('sourceBucket', 'InvalidRequest', REPLICATION_MESSAGES.sourceVersioning);
  }

  const v2 = isV2Configuration(config);
  config.Rules.forEach((rule, index) => {
    const at = `Rules[${index}]`;
    checkRuleId(rule, at, report);
    if (v2) checkV2Rule(rule, at, report);
    else if (rule.SourceSelectionCriteria?.ReplicaModifications !== undefined) {
      report(`${at}.SourceSelectionCriteria.ReplicaModifications`, 'InvalidRequest', REPLICATION_MESSAGES.replicaModificationsV1);
    }
    checkPrefixesAndTags(rule, at, report);
    checkDestination(rule, at, ctx.sourceBucket, report);
  });
  checkAcrossRules(config, v2, report);

  if (ctx.bucketInfo) checkWorldDestinations(config, ctx.bucketInfo, report);
  return issues;
}

/**
 * Fills in the ID of every rule that has none, as S3 does on PUT (GET then returns the generated ID).
 * `randomId` is injected so that callers choose the format and tests stay deterministic.
 */
export function generateRuleIds(config: ReplicationConfiguration, randomId: () => string): ReplicationConfiguration {
  const taken = new Set(config.Rules.flatMap((rule) => (rule.ID === undefined ? [] : [rule.ID])));
  const Rules = config.Rules.map((rule) => {
    if (rule.ID !== undefined) return rule;
    let id = randomId();
    while (taken.has(id)) id = randomId();
    taken.add(id);
    return { ...rule, ID: id };
  });
  return { ...config, Rules };
}

/** Names of the destination buckets in rule order, without repeats. */
export function destinationBucketNames(config: ReplicationConfiguration): string[] {
  return [...new Set(config.Rules.map((rule) => ruleDestinationBucketName(rule)))];
}
