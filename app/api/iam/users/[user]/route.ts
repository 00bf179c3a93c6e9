import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { describeUser } from '@/lib/s3-console/iam/users';

export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ user: string }> }) =>
  describeUser(iamClient(), (await params).user),
);
