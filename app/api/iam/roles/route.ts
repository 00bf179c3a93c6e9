import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { listRoles } from '@/lib/s3-console/iam/roles';

export const GET = jsonRoute(async () => listRoles(iamClient()));
