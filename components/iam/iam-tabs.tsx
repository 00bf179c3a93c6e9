import { TabLinks } from '@/components/layout/tab-links';

const SECTIONS = [
  { href: '/iam/roles', label: 'Roles' },
  { href: '/iam/users', label: 'Users' },
  { href: '/iam/groups', label: 'Groups' },
] as const;

export function IamTabs() {
  return <TabLinks label="IAM" tabs={SECTIONS} />;
}
