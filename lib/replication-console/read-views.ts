import { ListRolesCommand } from '@aws-sdk/client-iam';
import { GetObjectTaggingCommand, ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { configurationFingerprint } from '@/lib/replication/merge';
import { describeRuleScope } from '@/lib/replication/evaluate';
import { ruleDestinationBucketName } from '@/lib/replication/rule-shape';
import { awsErrorName } from './aws-error';
import { readBucketState, readReplicationConfiguration } from './bucket-state';
import type { ReplicationDeps } from './deps';
import { decodePolicyDocument } from './role-state';
import { trustsService } from '@/lib/iam/evaluate';
import { assertBucketName, bucketNotFound } from './request-errors';
import type { BucketReplicationView, DestinationView, RoleList, RulesOverview, ScopePreview } from './views';


async function destinationView(deps: ReplicationDeps, name: string): Promise<DestinationView> {
  const state = await readBucketState(deps, name);
  return state.exists ? { name, region: state.region, versioning: state.versioning } : { name, region: null, versioning: null };
}

/** A bucket's replication configuration with what the Management tab shows about its destinations. */
export async function readBucketReplication(deps: ReplicationDeps, bucket: string): Promise<BucketReplicationView> {
  assertBucketName(bucket);
  const source = await readBucketState(deps, bucket);
  if (!source.exists) throw bucketNotFound(bucket);
  const configuration = await readReplicationConfiguration(deps, bucket, source.region);
  const names = [...new Set((configuration?.Rules ?? []).map((rule) => ruleDestinationBucketName(rule)))];
  return {
    bucket,
    region: source.region,
    versioning: source.versioning,
    configuration,
    fingerprint: configuration ? configurationFingerprint(configuration) : null,
    destinations: await Promise.all(names.map((name) => destinationView(deps, name))),
  };
}

async function listBucketNames(deps: ReplicationDeps): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await deps.s3().send(new ListBucketsCommand({ ContinuationToken: token }));
    names.push(...(page.Buckets ?? []).flatMap((b) => (b.Name ? [b.Name] : [])));
    token = page.ContinuationToken;
  } while (token);
  return names.sort();
}

/** Every rule of every bucket, for the Replication rules page. */
export async function readRulesOverview(deps: ReplicationDeps): Promise<RulesOverview> {
  const overview: RulesOverview = { rows: [], unreadable: [] };
  const regions = new Map<string, string | null>();
  const views: BucketReplicationView[] = [];
  for (const bucket of await listBucketNames(deps)) {
    try {
      const view = await readBucketReplication(deps, bucket);
      regions.set(bucket, view.region);
      views.push(view);
    } catch (error) {
      overview.unreadable.push({ bucket, message: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const view of views) {
    for (const rule of view.configuration?.Rules ?? []) {
      const destinationBucket = ruleDestinationBucketName(rule);
      overview.rows.push({
        sourceBucket: view.bucket,
        sourceRegion: view.region,
        ruleId: rule.ID ?? '',
        status: rule.Status,
        priority: rule.Priority ?? null,
        destinationBucket,
        destinationRegion: regions.get(destinationBucket) ?? null,
        scope: describeRuleScope(rule),
        role: view.configuration?.Role ?? '',
      });
    }
  }
  return overview;
}

/** IAM roles of the account, marking those S3 may assume. */
export async function listRoles(deps: ReplicationDeps): Promise<RoleList> {
  const roles: RoleList['roles'] = [];
  let marker: string | undefined;
  do {
    const page = await deps.iam.send(new ListRolesCommand({ Marker: marker }));
    for (const role of page.Roles ?? []) {
      if (!role.RoleName || !role.Arn) continue;
      const trust = decodePolicyDocument(role.AssumeRolePolicyDocument, 'trust');
      roles.push({
        name: role.RoleName,
        arn: role.Arn,
        path: role.Path ?? '/',
        trustsS3: trust !== undefined && trustsService(trust, 's3.amazonaws.com'),
      });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return { roles: roles.sort((a, b) => a.name.localeCompare(b.name)) };
}

export const SCOPE_SAMPLE_KEYS = 1000;
export const SCOPE_TAG_CHECK_KEYS = 100;

/**
 * How many current objects a scope matches: the first 1,000 keys under the prefix (one ListObjectsV2 page), and
 * with tag filters the tags of the first 100 of those (one GetObjectTagging each).
 */
export async function previewScope(
  deps: ReplicationDeps,
  bucket: string,
  prefix: string,
  tags: { key: string; value: string }[],
): Promise<ScopePreview> {
  assertBucketName(bucket);
  const source = await readBucketState(deps, bucket);
  if (!source.exists) throw bucketNotFound(bucket);
  const s3 = deps.s3(source.region);
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, MaxKeys: SCOPE_SAMPLE_KEYS }));
  const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
  if (tags.length === 0) return { matched: keys.length, examined: keys.length, sampled: Boolean(page.IsTruncated), tagCheckLimit: null };

  const checked = keys.slice(0, SCOPE_TAG_CHECK_KEYS);
  let matched = 0;
  for (const key of checked) {
    try {
      const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
      const has = new Map((TagSet ?? []).map((tag) => [tag.Key, tag.Value]));
      if (tags.every((tag) => has.get(tag.key) === tag.value)) matched += 1;
    } catch (error) {
      // Deleted since the listing: it no longer counts.
      if (awsErrorName(error) !== 'NoSuchKey') throw error;
    }
  }
  return {
    matched,
    examined: checked.length,
    sampled: Boolean(page.IsTruncated) || keys.length > checked.length,
    tagCheckLimit: SCOPE_TAG_CHECK_KEYS,
  };
}
