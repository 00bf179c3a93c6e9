import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/iam/create-user-form';
import { UsersList } from '@/components/iam/users-list';

export const metadata: Metadata = { title: 'Users · IAM' };

export default function UsersPage() {
  return (
    <div className="space-y-6">
      <CreateUserForm />
      <UsersList />
    </div>
  );
}
