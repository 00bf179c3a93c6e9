import type { Metadata } from 'next';
import { CreateGroupForm } from '@/components/iam/create-group-form';
import { GroupsList } from '@/components/iam/groups-list';

export const metadata: Metadata = { title: 'Groups · IAM' };

export default function GroupsPage() {
  return (
    <div className="space-y-6">
      <CreateGroupForm />
      <GroupsList />
    </div>
  );
}
