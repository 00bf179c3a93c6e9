import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { WizardLoader } from '@/components/replication/wizard/wizard-loader';
import { ChooseSourceBucket } from '@/components/replication/choose-source-bucket';

export const metadata: Metadata = { title: 'Create replication rule' };

type Props = { searchParams: Promise<{ source?: string | string[] }> };

export default async function NewReplicationRulePage({ searchParams }: Props) {
  const { source } = await searchParams;
  const bucket = typeof source === 'string' && source !== '' ? source : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Amazon S3', href: '/buckets' },
          ...(bucket ? [{ label: bucket, href: `/buckets/${encodeURIComponent(bucket)}/management` }] : []),
          { label: 'Replication rules', href: '/replication' },
          { label: 'Create replication rule' },
        ]}
      />
      <PageHeader
        title="Create replication rule"
        description="Replication copies new objects from the source bucket to the destination bucket, asynchronously. Both buckets need versioning."
      />
      {bucket ? <WizardLoader source={bucket} /> : <ChooseSourceBucket />}
    </>
  );
}
