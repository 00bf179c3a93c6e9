import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { describeGroup } from '@/lib/s3-console/iam/groups';

export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ group: string }> }) =>
  describeGroup(iamClient(), (await params).group),
);
