import { s3Client } from '@/lib/aws/clients';
import { listBucketSummaries } from '@/lib/aws/bucket-summaries';
import { jsonRoute } from '@/lib/aws/route-handler';
import type { ReplicationRoles } from '@/lib/queries/bucket';
import { replicationRoles } from '@/lib/s3-console/replication-roles';

export const GET = jsonRoute(async (): Promise<ReplicationRoles> => replicationRoles(s3Client, await listBucketSummaries()));
