import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { listUsers } from '@/lib/s3-console/iam/users';

export const GET = jsonRoute(async () => listUsers(iamClient()));
