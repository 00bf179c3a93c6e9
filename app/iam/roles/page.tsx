import type { Metadata } from 'next';
import { RolesList } from '@/components/iam/roles-list';

export const metadata: Metadata = { title: 'Roles · IAM' };

export default function RolesPage() {
  return <RolesList />;
}
