import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/iam/create-user-form';
import { UsersList } from '@/components/iam/users-list';
import { iamClient } from '@/lib/aws/clients';
import { groupsQuery, usersQuery } from '@/lib/queries/iam';
import { listGroups } from '@/lib/s3-console/iam/groups';
import { listUsers } from '@/lib/s3-console/iam/users';
import { prefetchInto } from '@/lib/s3-console/prefetch';

export const metadata: Metadata = { title: 'Users · IAM' };

export default async function UsersPage() {
  const queryClient = new QueryClient();
  await Promise.all([
    prefetchInto(queryClient, usersQuery().queryKey, () => listUsers(iamClient())),
    prefetchInto(queryClient, groupsQuery().queryKey, () => listGroups(iamClient())),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <CreateUserForm />
        <UsersList />
      </div>
    </HydrationBoundary>
  );
}
