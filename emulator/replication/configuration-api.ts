import { randomBytes } from 'node:crypto';
import { generateRuleIds, validateReplicationConfiguration } from '@/lib/replication/validate';
import { parseReplicationXml, replicationConfigToXml } from '@/lib/replication/xml';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { S3Context } from '../http/types';
import { ACCOUNT_ID } from '../iam/account';
import { S3Error } from '../s3/errors';
import { saveReplicationConfiguration } from '../store/replication-config';
import type { Bucket } from '../store/types';
import { ruleContentFingerprint } from './stored-configuration';

/** The whole configuration may be at most 2 MB (API model). */
export const MAX_REPLICATION_XML_BYTES = 2 * 1024 * 1024;

export const CONFIGURATION_NOT_FOUND_MESSAGE = 'The replication configuration was not found';

/** x-amz-expected-bucket-owner that is not this account → 403 AccessDenied, as S3 does. */
export function checkExpectedBucketOwner(ctx: S3Context): void {
  const expected = ctx.headers['x-amz-expected-bucket-owner'];
  if (expected !== undefined && expected !== ACCOUNT_ID) throw new S3Error('AccessDenied');
}

export function configurationNotFound(bucket: string): S3Error {
  return new S3Error('ReplicationConfigurationNotFoundError', {
    status: 404,
    message: CONFIGURATION_NOT_FOUND_MESSAGE,
    extra: { BucketName: bucket },
  });
}

/** S3 generates IDs for rules without one; GET then returns them. */
function generatedRuleId(): string {
  return randomBytes(36).toString('base64').replace(/[+/=]/g, '').slice(0, 48);
}

/** Parses and validates a PutBucketReplication body against the world; throws S3's first error. */
export async function readValidConfiguration(ctx: S3Context, source: Bucket): Promise<ReplicationConfiguration> {
  const body = await ctx.readBody(MAX_REPLICATION_XML_BYTES, 'MaxMessageLengthExceeded');
  const parsed = parseReplicationXml(body.toString('utf8'));
  if (!parsed.ok) throw new S3Error('MalformedXML');
  const issues = validateReplicationConfiguration(parsed.config, {
    sourceBucket: source.name,
    bucketInfo: (name) => {
      const bucket = ctx.store.buckets.find(name);
      return bucket
        ? { exists: true, versioning: bucket.versioning ?? undefined, ownerAccountId: ACCOUNT_ID }
        : { exists: false, versioning: undefined };
    },
  });
  const first = issues[0];
  if (first) throw new S3Error(first.code, { message: first.message });
  return generateRuleIds(parsed.config, generatedRuleId);
}

/** Replaces the bucket's configuration; each rule's "in force since" restarts only if the rule is new or changed. */
export function storeConfiguration(ctx: S3Context, bucket: Bucket, config: ReplicationConfiguration): void {
  const rules = config.Rules.map((rule) => ({ ruleId: rule.ID as string, content: ruleContentFingerprint(rule) }));
  saveReplicationConfiguration(ctx.store.db, ctx.store.buckets, bucket, replicationConfigToXml(config), rules, Date.now());
}
