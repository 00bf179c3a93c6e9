import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { VersionBrowser } from '@/components/objects/version-browser';
import { versionPageQuery } from '@/lib/queries/versions';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { prefetchInto } from '@/lib/s3-console/prefetch';
import { listVersionPage } from '@/lib/s3-console/version-listing';

type Props = { params: Promise<{ bucket: string }>; searchParams: Promise<{ prefix?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Versions · ${(await params).bucket}` };
}

export default async function VersionsPage({ params, searchParams }: Props) {
  const { bucket } = await params;
  const query = await searchParams;
  const prefix = typeof query.prefix === 'string' ? query.prefix : '';
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, versionPageQuery(bucket, prefix, undefined).queryKey, async () =>
    listVersionPage(await s3ForBucket(bucket), { bucket, prefix }),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <VersionBrowser bucket={bucket} initialPrefix={prefix} />
    </HydrationBoundary>
  );
}
