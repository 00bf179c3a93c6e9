import { jsonRoute } from '@/lib/aws/route-handler';
import { replicationMetricsView, type ReplicationMetricsView } from '@/lib/compare/metrics';
import { ConsoleRequestError } from '@/lib/compare/s3/request-error';
import { consoleAdminJson } from '@/lib/compare/server';

/** GET ?bucket=SRC → the embedded endpoint's per-rule replication metrics; `{ available: false }` on AWS. */
export const GET = jsonRoute(async (request: Request): Promise<ReplicationMetricsView> => {
  const bucket = new URL(request.url).searchParams.get('bucket');
  if (!bucket) throw new ConsoleRequestError('InvalidArgument', 'Query parameter "bucket" is required.');
  const admin = consoleAdminJson();
  if (!admin) return { available: false, rules: [] };
  return replicationMetricsView(admin, bucket);
});
