import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { RolesList } from '@/components/iam/roles-list';
import { iamClient } from '@/lib/aws/clients';
import { rolesQuery } from '@/lib/queries/iam';
import { listRoles } from '@/lib/s3-console/iam/roles';
import { prefetchInto } from '@/lib/s3-console/prefetch';

export const metadata: Metadata = { title: 'Roles · IAM' };

export default async function RolesPage() {
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, rolesQuery().queryKey, () => listRoles(iamClient()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RolesList />
    </HydrationBoundary>
  );
}
