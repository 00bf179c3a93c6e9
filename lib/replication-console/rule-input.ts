import { z } from 'zod';
import { REPLICATION_LIMITS, REPLICATION_STORAGE_CLASSES, REPLICATION_STATUSES, type StorageClass } from '@/lib/replication/constants';
import { validateBucketName } from '@/lib/s3/bucket-name';
import { validateTagKey, validateTagValue } from '@/lib/s3/tags';
import { MAX_FILTER_TAGS, MAX_PRIORITY } from '@/lib/replication-console/rule-limits';

/**
 * What the four-step wizard sends to the server: the person's choices, not yet a ReplicationRule.
 * Shared by the browser (to show the same messages early) and the server actions (authoritative).
 * Field paths are the wizard's field names, so `fieldErrors` land next to the right control.
 */

/** IAM role names: 1–64 characters of `[\w+=,.@-]`. */
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
const ACCOUNT_ID_PATTERN = /^\d{12}$/;

const bucketName = z.string().superRefine((name, ctx) => {
  for (const message of validateBucketName(name)) ctx.addIssue({ code: 'custom', message });
});

const tagRow = z.object({
  key: z.string().superRefine((key, ctx) => {
    for (const message of validateTagKey(key)) ctx.addIssue({ code: 'custom', message });
  }),
  value: z.string().superRefine((value, ctx) => {
    for (const message of validateTagValue(value)) ctx.addIssue({ code: 'custom', message });
  }),
});
export type TagRow = z.infer<typeof tagRow>;

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bucket') }),
  z.object({
    kind: z.literal('filter'),
    prefix: z.string().max(REPLICATION_LIMITS.maxPrefixLength, 'The maximum size of a prefix is 1024.'),
    tags: z.array(tagRow).max(MAX_FILTER_TAGS, `A filter can have at most ${MAX_FILTER_TAGS} tags.`),
  }),
]);
export type RuleScope = z.infer<typeof scope>;

const destination = z.object({
  account: z.enum(['this', 'other']),
  /** Only for `other`: the 12-digit account that owns the destination bucket. */
  accountId: z.string().optional(),
  bucket: bucketName,
});

const role = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new') }),
  z.object({
    kind: z.literal('existing'),
    arn: z.string().regex(ROLE_ARN_PATTERN, 'Choose an IAM role (arn:aws:iam::<account>:role/<name>).'),
    addMissingPermissions: z.boolean(),
  }),
]);
export type RoleChoice = z.infer<typeof role>;

const ruleName = z
  .string()
  .min(1, 'Enter a rule name.')
  .max(REPLICATION_LIMITS.maxRuleIdLength, 'A rule name can have at most 255 characters.')
  .regex(/^[\x20-\x7e]*$/, 'Rule ID must not contain non-ASCII characters');

const storageClass = z.enum(REPLICATION_STORAGE_CLASSES as [StorageClass, ...StorageClass[]]);

const ruleInputShape = z.object({
  sourceBucket: bucketName,
  /** The ID of the rule being edited; absent when adding a rule. */
  editingRuleId: z.string().optional(),
  scope,
  replicateKmsObjects: z.boolean(),
  /** Key ARN used to encrypt replicas of SSE-KMS objects (required with replicateKmsObjects). */
  replicaKmsKeyId: z.string().optional(),
  destination,
  /** null: replicas keep the source object's storage class. */
  storageClass: storageClass.nullable(),
  ownerOverride: z.boolean(),
  deleteMarkerReplication: z.boolean(),
  replicaModificationSync: z.boolean(),
  replicationTimeControl: z.boolean(),
  replicationMetrics: z.boolean(),
  role,
  ruleName,
  status: z.enum(REPLICATION_STATUSES),
  priority: z
    .number({ error: 'Enter a priority (a whole number).' })
    .int('Enter a whole number.')
    .min(0, 'Priority must be 0 or more.')
    .max(MAX_PRIORITY, `Priority must be at most ${MAX_PRIORITY}.`),
  /** configurationFingerprint of the configuration the wizard read; null when the bucket had none. */
  expectedFingerprint: z.string().nullable(),
});

export type RuleInput = z.infer<typeof ruleInputShape>;

type Issue = { path: (string | number)[]; message: string };

/** Checks across fields that need nothing but the input. */
export function crossFieldIssues(input: RuleInput): Issue[] {
  const issues: Issue[] = [];
  const { destination: target, scope: ruleScope } = input;
  if (target.bucket === input.sourceBucket && target.account === 'this') {
    issues.push({ path: ['destination', 'bucket'], message: 'Destination bucket cannot be the same as the source bucket.' });
  }
  if (target.account === 'other' && !ACCOUNT_ID_PATTERN.test(target.accountId ?? '')) {
    issues.push({ path: ['destination', 'accountId'], message: 'Enter the 12-digit account ID that owns the destination bucket.' });
  }
  if (input.ownerOverride && target.account !== 'other') {
    issues.push({
      path: ['ownerOverride'],
      message: 'Changing object ownership needs a destination bucket in another account.',
    });
  }
  if (ruleScope.kind === 'filter') {
    if (ruleScope.prefix === '' && ruleScope.tags.length === 0) {
      issues.push({ path: ['scope', 'prefix'], message: 'Enter a prefix, add a tag, or choose the entire bucket.' });
    }
    const seen = new Set<string>();
    ruleScope.tags.forEach((tag, index) => {
      if (seen.has(tag.key)) issues.push({ path: ['scope', 'tags', index, 'key'], message: 'Duplicate Tag Keys are not allowed.' });
      seen.add(tag.key);
    });
    if (input.deleteMarkerReplication && ruleScope.tags.length > 0) {
      issues.push({
        path: ['deleteMarkerReplication'],
        message: 'Delete marker replication is not supported if any Tag filter is specified.',
      });
    }
  }
  if (input.replicateKmsObjects && !input.replicaKmsKeyId?.trim()) {
    issues.push({
      path: ['replicaKmsKeyId'],
      message: 'Enter the AWS KMS key ARN that encrypts the replicas of SSE-KMS objects.',
    });
  }
  if (input.replicationTimeControl && !input.replicationMetrics) {
    issues.push({ path: ['replicationMetrics'], message: 'Replication Time Control needs replication metrics.' });
  }
  return issues;
}

export const ruleInputSchema = ruleInputShape.superRefine((input, ctx) => {
  for (const issue of crossFieldIssues(input)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
