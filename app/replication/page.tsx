import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { RulesOverview } from '@/components/replication/rules-overview';
import { ButtonLink } from '@/components/ui/button';
import { rulesOverviewQuery } from '@/lib/queries/replication';
import { readRulesOverview } from '@/lib/replication-console/read-views';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';
import { prefetchInto } from '@/lib/s3-console/prefetch';

export const metadata: Metadata = { title: 'Replication rules' };

type Props = { searchParams: Promise<{ bucket?: string | string[] }> };

export default async function ReplicationRulesPage({ searchParams }: Props) {
  await connection();
  const { bucket } = await searchParams;
  const source = typeof bucket === 'string' ? bucket : undefined;
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, rulesOverviewQuery().queryKey, () => readRulesOverview(serverReplicationDeps()));
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
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RulesOverview initialSource={source} />
      </HydrationBoundary>
    </>
  );
}
