import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ComparePage } from '@/components/compare/compare-page';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { describeBackend } from '@/lib/aws/backend';
import type { CompareTarget } from '@/lib/queries/compare';

export const metadata: Metadata = { title: 'Compare buckets' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function CompareRoute({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const backend = await describeBackend();
  const target: Partial<CompareTarget> = {
    source: first(params.source) ?? first(params.bucket),
    rule: first(params.rule),
    destination: first(params.destination),
    mode: first(params.mode) === 'versions' ? 'versions' : 'current',
  };
  return (
    <>
      <Breadcrumbs items={[{ label: 'Amazon S3', href: '/buckets' }, { label: 'Compare' }]} />
      <PageHeader
        title="Compare buckets"
        description="What a replication rule has copied, what is still pending or failed, and why an object was not replicated. The comparison runs on the server; live while anything is pending."
      />
      <ComparePage target={target} backend={backend.kind} />
    </>
  );
}
