import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { listGroups } from '@/lib/s3-console/iam/groups';

export const GET = jsonRoute(async () => listGroups(iamClient()));
