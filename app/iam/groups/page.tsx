import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { CreateGroupForm } from '@/components/iam/create-group-form';
import { GroupsList } from '@/components/iam/groups-list';
import { iamClient } from '@/lib/aws/clients';
import { groupsQuery } from '@/lib/queries/iam';
import { listGroups } from '@/lib/s3-console/iam/groups';
import { prefetchInto } from '@/lib/s3-console/prefetch';

export const metadata: Metadata = { title: 'Groups · IAM' };

export default async function GroupsPage() {
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, groupsQuery().queryKey, () => listGroups(iamClient()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <CreateGroupForm />
        <GroupsList />
      </div>
    </HydrationBoundary>
  );
}
