import 'server-only';
import {
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  type Bucket,
} from '@aws-sdk/client-s3';
import type { BucketSummary, VersioningState } from '@/lib/queries/buckets';
import { regionFromLocationConstraint } from '@/lib/regions';
import { s3Client } from './clients';
import { describeAwsError } from './errors';

async function bucketRegion(bucket: Bucket): Promise<string> {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const location = await s3Client().send(new GetBucketLocationCommand({ Bucket: bucket.Name }));
  return regionFromLocationConstraint(location.LocationConstraint);
}

async function bucketVersioning(name: string, region: string): Promise<VersioningState> {
  try {
    const { Status } = await s3Client(region).send(new GetBucketVersioningCommand({ Bucket: name }));
    return Status === 'Enabled' || Status === 'Suspended' ? Status : 'NeverEnabled';
  } catch (error) {
    // A bucket we may list but not inspect still belongs in the list; anything else fails the whole read.
    if (describeAwsError(error)?.code === 'AccessDenied') return 'Unknown';
    throw error;
  }
}

async function listAllBuckets(): Promise<Bucket[]> {
  const buckets: Bucket[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await s3Client().send(new ListBucketsCommand({ ContinuationToken: continuationToken }));
    buckets.push(...(page.Buckets ?? []));
    continuationToken = page.ContinuationToken;
  } while (continuationToken);
  return buckets;
}

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping order. */
async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every bucket with its region and versioning state, sorted by name. */
export async function listBucketSummaries(): Promise<BucketSummary[]> {
  const buckets = (await listAllBuckets()).filter((bucket): bucket is Bucket & { Name: string } => Boolean(bucket.Name));
  const summaries = await mapWithLimit(buckets, 8, async (bucket): Promise<BucketSummary> => {
    const region = await bucketRegion(bucket);
    return {
      name: bucket.Name,
      region,
      creationDate: bucket.CreationDate?.toISOString(),
      versioning: await bucketVersioning(bucket.Name, region),
    };
  });
  // Byte order, as S3 lists them (localeCompare would interleave case and punctuation differently).
  return summaries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
