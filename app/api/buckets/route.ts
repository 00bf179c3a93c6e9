import { listBucketSummaries } from '@/lib/aws/bucket-summaries';
import { jsonRoute } from '@/lib/aws/route-handler';
import type { BucketList } from '@/lib/queries/buckets';

export const GET = jsonRoute(async (): Promise<BucketList> => ({ buckets: await listBucketSummaries() }));
