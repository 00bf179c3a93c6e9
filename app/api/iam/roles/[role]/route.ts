import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { describeRole } from '@/lib/s3-console/iam/roles';

export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ role: string }> }) =>
  describeRole(iamClient(), (await params).role),
);
