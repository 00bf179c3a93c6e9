import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { BucketReplicationPanel } from '@/components/replication/bucket-replication-panel';
import { bucketReplicationQuery } from '@/lib/queries/replication';
import { readBucketReplication } from '@/lib/replication-console/read-views';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';
import { prefetchInto } from '@/lib/s3-console/prefetch';

type Props = { params: Promise<{ bucket: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Management · ${(await params).bucket}` };
}

export default async function ManagementPage({ params }: Props) {
  await connection();
  const { bucket } = await params;
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, bucketReplicationQuery(bucket).queryKey, () => readBucketReplication(serverReplicationDeps(), bucket));
  // The panel reads ?saved= (set by the wizard), which needs a Suspense boundary.
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <BucketReplicationPanel bucket={bucket} />
      </Suspense>
    </HydrationBoundary>
  );
}
