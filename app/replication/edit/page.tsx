import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { WizardLoader } from '@/components/replication/wizard/wizard-loader';
import { Alert } from '@/components/ui/alert';

export const metadata: Metadata = { title: 'Edit replication rule' };

type Props = { searchParams: Promise<{ bucket?: string | string[]; rule?: string | string[] }> };

export default async function EditReplicationRulePage({ searchParams }: Props) {
  const { bucket, rule } = await searchParams;
  const valid = typeof bucket === 'string' && bucket !== '' && typeof rule === 'string' && rule !== '';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Amazon S3', href: '/buckets' },
          ...(typeof bucket === 'string' ? [{ label: bucket, href: `/buckets/${encodeURIComponent(bucket)}/management` }] : []),
          { label: 'Edit replication rule' },
        ]}
      />
      <PageHeader title={valid ? `Edit replication rule ${rule}` : 'Edit replication rule'} />
      {valid ? (
        <WizardLoader source={bucket} ruleId={rule} />
      ) : (
        <Alert tone="error" title="Which rule?">
          Open this page from a bucket&apos;s replication rules (it needs ?bucket=…&amp;rule=…).
        </Alert>
      )}
    </>
  );
}
