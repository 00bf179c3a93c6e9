import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { BucketPropertiesView } from '@/components/bucket/bucket-properties-view';
import { s3Client } from '@/lib/aws/clients';
import { bucketPropertiesQuery } from '@/lib/queries/bucket';
import { bucketRegion } from '@/lib/s3-console/bucket-client';
import { bucketProperties } from '@/lib/s3-console/bucket-properties';
import { prefetchInto } from '@/lib/s3-console/prefetch';

type Props = { params: Promise<{ bucket: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Properties · ${(await params).bucket}` };
}

export default async function PropertiesPage({ params }: Props) {
  const { bucket } = await params;
  const queryClient = new QueryClient();
  await prefetchInto(queryClient, bucketPropertiesQuery(bucket).queryKey, async () => {
    const region = await bucketRegion(bucket);
    return bucketProperties(s3Client(region), bucket, region);
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BucketPropertiesView bucket={bucket} />
    </HydrationBoundary>
  );
}
