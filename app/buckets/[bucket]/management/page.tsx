import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { BucketReplicationPanel } from '@/components/replication/bucket-replication-panel';
import { bucketReplicationQuery } from '@/lib/queries/replication';
import { readBucketReplication } from '@/lib/replication-console/read-views';
import { serverReplicationDeps } from '@/lib/replication-console/server-deps';

type Props = { params: Promise<{ bucket: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Management · ${(await params).bucket}` };
}

export default async function ManagementPage({ params }: Props) {
  await connection();
  const { bucket } = await params;
  const queryClient = new QueryClient();
  try {
    queryClient.setQueryData(bucketReplicationQuery(bucket).queryKey, await readBucketReplication(serverReplicationDeps(), bucket));
  } catch {
    // The panel reads it again in the browser and shows the error there, with a retry.
  }
  // The panel reads ?saved= (set by the wizard), which needs a Suspense boundary.
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <BucketReplicationPanel bucket={bucket} />
      </Suspense>
    </HydrationBoundary>
  );
}
