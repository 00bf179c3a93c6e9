import { jsonRoute } from '@/lib/aws/route-handler';
import { readBucketReplication } from '@/lib/replication-console/read-views';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

type Context = { params: Promise<{ bucket: string }> };

export const GET = jsonRoute(async (_request: Request, { params }: Context) =>
  readBucketReplication(serverReplicationDeps(), (await params).bucket),
);
