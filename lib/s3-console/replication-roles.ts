import { GetBucketReplicationCommand, type ReplicationRule } from '@aws-sdk/client-s3';
import { bucketNameFromArn } from '@/lib/s3/bucket-name';
import type { S3ClientFor } from './clients';
import { errorName } from './service-error';

/** The part a bucket plays in replication: rules it is the source of, and rules elsewhere that target it. */
export type ReplicationRole = { sourceRules: number; destinationRules: number; readable: boolean };

export type BucketLocation = { name: string; region: string };

type RulesOutcome = { rules: ReplicationRule[]; readable: boolean };

async function replicationRules(s3: S3ClientFor, bucket: BucketLocation): Promise<RulesOutcome> {
  try {
    const { ReplicationConfiguration } = await s3(bucket.region).send(
      new GetBucketReplicationCommand({ Bucket: bucket.name }),
    );
    return { rules: ReplicationConfiguration?.Rules ?? [], readable: true };
  } catch (error) {
    if (errorName(error) === 'ReplicationConfigurationNotFoundError') return { rules: [], readable: true };
    if (errorName(error) === 'AccessDenied') return { rules: [], readable: false };
    throw error;
  }
}

/** GetBucketReplication of every bucket (a few at a time), folded into each bucket's role. */
export async function replicationRoles(
  s3: S3ClientFor,
  buckets: readonly BucketLocation[],
  concurrency = 8,
): Promise<Record<string, ReplicationRole>> {
  const outcomes = new Array<RulesOutcome>(buckets.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < buckets.length) {
      const index = next++;
      outcomes[index] = await replicationRules(s3, buckets[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, buckets.length) }, worker));

  const roles: Record<string, ReplicationRole> = {};
  buckets.forEach((bucket, index) => {
    roles[bucket.name] = { sourceRules: outcomes[index].rules.length, destinationRules: 0, readable: outcomes[index].readable };
  });
  for (const outcome of outcomes) {
    for (const rule of outcome.rules) {
      const destination = rule.Destination?.Bucket ? bucketNameFromArn(rule.Destination.Bucket) : undefined;
      const role = destination ? roles[destination] : undefined;
      if (role) role.destinationRules += 1;
    }
  }
  return roles;
}
