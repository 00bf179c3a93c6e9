import { z } from 'zod';
import { jsonRoute } from '@/lib/aws/route-handler';
import type { ReplicationStatuses } from '@/lib/queries/objects';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { replicationStatuses } from '@/lib/s3-console/object-details';
import type { BucketRouteContext } from '@/lib/s3-console/request-params';
import { consoleServiceError } from '@/lib/s3-console/service-error';

const statusesRequest = z.object({
  refs: z.array(z.object({ key: z.string().min(1), versionId: z.string().min(1).optional() })).max(1000),
});

/** POST { refs: [{ key, versionId? }] } (a read: the keys of one page do not fit a URL) → their replication statuses. */
export const POST = jsonRoute(async (request: Request, { params }: BucketRouteContext): Promise<ReplicationStatuses> => {
  const { bucket } = await params;
  const parsed = statusesRequest.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) throw consoleServiceError('InvalidRequest', 'Expected { refs: [{ key, versionId? }] }.', 400);
  return replicationStatuses(await s3ForBucket(bucket), bucket, parsed.data.refs);
});
