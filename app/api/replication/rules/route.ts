import { jsonRoute } from '@/lib/aws/route-handler';
import { readRulesOverview } from '@/lib/replication-console/read-views';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

export const GET = jsonRoute(async () => readRulesOverview(serverReplicationDeps()));
