import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { RulesOverview } from '@/components/replication/rules-overview';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Replication rules' };

type Props = { searchParams: Promise<{ bucket?: string | string[] }> };

export default async function ReplicationRulesPage({ searchParams }: Props) {
  const { bucket } = await searchParams;
  const source = typeof bucket === 'string' ? bucket : undefined;
  return (
    <>
      <Breadcrumbs items={[{ label: 'Amazon S3', href: '/buckets' }, { label: 'Replication rules' }]} />
      <PageHeader
        title="Replication rules"
        description="Every replication rule of every bucket. A rule copies objects written after it was saved; existing objects need a copy job."
        actions={
          <ButtonLink variant="primary" href={source ? `/replication/new?source=${encodeURIComponent(source)}` : '/replication/new'}>
            Create replication rule
          </ButtonLink>
        }
      />
      <RulesOverview initialSource={source} />
    </>
  );
}
