import { iamClient } from '@/lib/aws/clients';
import { jsonRoute } from '@/lib/aws/route-handler';
import { listManagedPolicies } from '@/lib/s3-console/iam/policies';

export const GET = jsonRoute(async () => listManagedPolicies(iamClient()));
