import { GetBucketLocationCommand, GetBucketReplicationCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeRuleScope } from '@/lib/replication/evaluate';
import { rulePrefix, ruleDestinationBucketName } from '@/lib/replication/rule-shape';
import { replicationConfigurationSchema, type ReplicationConfiguration } from '@/lib/replication/schema';
import { regionFromLocationConstraint } from '@/lib/regions';
import type { CompareMode } from '../types';
import { ConsoleRequestError } from './request-error';

export type S3ClientFor = (region?: string) => S3Client;

/** What a person asks to compare: a rule of a source bucket, or a source and any destination bucket. */
export interface CompareRequest {
  source: string;
  /** Required without a rule; with a rule it must be the rule's destination when given. */
  destination?: string;
  ruleId?: string;
  mode: CompareMode;
}

export interface ResolvedCompare {
  request: CompareRequest;
  sourceBucket: string;
  sourceRegion: string;
  destinationBucket: string;
  destinationRegion: string;
  /** Listing prefix: the rule's prefix, or '' for whole buckets. */
  prefix: string;
  rule?: { id: string; scope: string; enabled: boolean };
  configuration?: ReplicationConfiguration;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

export async function regionOfBucket(s3: S3ClientFor, bucket: string): Promise<string> {
  try {
    const { LocationConstraint } = await s3().send(new GetBucketLocationCommand({ Bucket: bucket }));
    return regionFromLocationConstraint(LocationConstraint);
  } catch (error) {
    if (errorName(error) === 'NoSuchBucket') throw new ConsoleRequestError('NoSuchBucket', `Bucket ${bucket} does not exist.`, 404);
    throw error;
  }
}

/** The bucket's replication configuration; undefined when it has none. */
export async function readConfiguration(s3: S3Client, bucket: string): Promise<ReplicationConfiguration | undefined> {
  try {
    const { ReplicationConfiguration: config } = await s3.send(new GetBucketReplicationCommand({ Bucket: bucket }));
    if (!config) return undefined;
    // The SDK's shapes carry explicit undefined members, which the strict schema refuses.
    const parsed = replicationConfigurationSchema.safeParse(JSON.parse(JSON.stringify(config)));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (errorName(error) === 'ReplicationConfigurationNotFoundError') return undefined;
    throw error;
  }
}

/** Checks the request against the buckets and the source's rules: regions, destination, listing prefix. */
export async function resolveCompare(s3: S3ClientFor, request: CompareRequest): Promise<ResolvedCompare> {
  // A destination named without a rule is looked up alongside the source (one round trip less); its error, if any,
  // still surfaces after the source's, where the sequential lookup raised it.
  const early =
    request.destination !== undefined && request.ruleId === undefined && request.destination !== request.source
      ? regionOfBucket(s3, request.destination)
      : undefined;
  early?.catch(() => undefined);
  const sourceRegion = await regionOfBucket(s3, request.source);
  const configuration = await readConfiguration(s3(sourceRegion), request.source);
  let destinationBucket = request.destination;
  let prefix = '';
  let rule: ResolvedCompare['rule'];
  if (request.ruleId !== undefined) {
    const found = configuration?.Rules.find((candidate) => candidate.ID === request.ruleId);
    if (!found) throw new ConsoleRequestError('NoSuchRule', `Bucket ${request.source} has no replication rule "${request.ruleId}".`, 404);
    const ruleDestination = ruleDestinationBucketName(found);
    if (destinationBucket !== undefined && destinationBucket !== ruleDestination) {
      throw new ConsoleRequestError('InvalidArgument', `Rule "${request.ruleId}" replicates to ${ruleDestination}, not ${destinationBucket}.`);
    }
    destinationBucket = ruleDestination;
    prefix = rulePrefix(found);
    rule = { id: request.ruleId, scope: describeRuleScope(found), enabled: found.Status === 'Enabled' };
  }
  if (destinationBucket === undefined) {
    throw new ConsoleRequestError('InvalidArgument', 'Choose a rule, or a destination bucket to compare with.');
  }
  if (destinationBucket === request.source) throw new ConsoleRequestError('InvalidArgument', 'Choose two different buckets.');
  const destinationRegion = await (early ?? regionOfBucket(s3, destinationBucket));
  return {
    request,
    sourceBucket: request.source,
    sourceRegion,
    destinationBucket,
    destinationRegion,
    prefix,
    rule,
    configuration,
  };
}
