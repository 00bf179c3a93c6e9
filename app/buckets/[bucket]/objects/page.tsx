import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ObjectBrowser } from '@/components/objects/object-browser';
import { objectPageQuery } from '@/lib/queries/objects';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { listObjectPage } from '@/lib/s3-console/object-listing';
import { prefetchInto } from '@/lib/s3-console/prefetch';

type Props = { params: Promise<{ bucket: string }>; searchParams: Promise<{ prefix?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Objects · ${(await params).bucket}` };
}

export default async function ObjectsPage({ params, searchParams }: Props) {
  const { bucket } = await params;
  const query = await searchParams;
  const prefix = typeof query.prefix === 'string' ? query.prefix : '';
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, objectPageQuery(bucket, prefix, undefined).queryKey, async () =>
    listObjectPage(await s3ForBucket(bucket), { bucket, prefix }),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ObjectBrowser bucket={bucket} prefix={prefix} />
    </HydrationBoundary>
  );
}
