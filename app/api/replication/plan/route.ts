import { jsonRoute } from '@/lib/aws/route-handler';
import { planFromRequestBody } from '@/lib/replication-console/plan-request';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

/** What Save would do (reads only): POST because the wizard's choices are too rich for a query string. */
export const POST = jsonRoute(async (request: Request) => planFromRequestBody(serverReplicationDeps(), await request.text()));
