import type { ReactNode } from 'react';
import { IamTabs } from '@/components/iam/iam-tabs';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';

export default function IamLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Breadcrumbs items={[{ label: 'IAM', href: '/iam' }]} />
      <PageHeader
        title="Identity and Access Management (IAM)"
        description="Roles that replication assumes, and users and groups for programmatic access (the AWS CLI and SDKs)."
      />
      <IamTabs />
      {children}
    </>
  );
}
