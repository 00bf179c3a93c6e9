import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { BucketsTable } from '@/components/buckets/buckets-table';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ServerLoadError } from '@/components/server-load-error';
import { describeBackend } from '@/lib/aws/backend';
import { listBucketSummaries } from '@/lib/aws/bucket-summaries';
import { errorBody } from '@/lib/aws/route-handler';
import { bucketsQuery } from '@/lib/queries/buckets';

export const metadata: Metadata = { title: 'Buckets' };

export default async function BucketsPage() {
  await connection();
  const backend = await describeBackend();
  const queryClient = new QueryClient();
  let loadError: { code: string; message: string } | undefined;
  try {
    const buckets = await listBucketSummaries();
    queryClient.setQueryData(bucketsQuery().queryKey, { buckets });
  } catch (error) {
    loadError = errorBody(error).body.error;
  }

  return (
    <>
      <Breadcrumbs items={[{ label: 'Amazon S3', href: '/buckets' }, { label: 'Buckets' }]} />
      <PageHeader
        title="Buckets"
        description="Buckets are containers for objects. Replication copies new objects from a source bucket to a destination bucket, asynchronously; both need versioning enabled."
      />
      {loadError ? (
        <ServerLoadError title="Could not list the buckets" error={loadError} backend={backend} />
      ) : (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <BucketsTable backend={backend} />
        </HydrationBoundary>
      )}
    </>
  );
}
