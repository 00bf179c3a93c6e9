import type { ReactNode } from 'react';
import { BucketTabs } from '@/components/bucket/bucket-tabs';
import { RegionText } from '@/components/buckets/region-text';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { ServerLoadError } from '@/components/server-load-error';
import { describeBackend } from '@/lib/aws/backend';
import { errorBody } from '@/lib/aws/route-handler';
import { bucketRegion } from '@/lib/s3-console/bucket-client';

async function loadRegion(bucket: string): Promise<{ region?: string; error?: { code: string; message: string } }> {
  try {
    return { region: await bucketRegion(bucket) };
  } catch (error) {
    return { error: errorBody(error).body.error };
  }
}

export default async function BucketLayout({ children, params }: { children: ReactNode; params: Promise<{ bucket: string }> }) {
  const { bucket } = await params;
  const [{ region, error }, backend] = await Promise.all([loadRegion(bucket), describeBackend()]);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Amazon S3', href: '/buckets' }, { label: 'Buckets', href: '/buckets' }, { label: bucket }]} />
      <PageHeader
        title={bucket}
        description={
          region ? (
            <>
              AWS Region: <RegionText code={region} />
            </>
          ) : undefined
        }
      />
      {error ? (
        <ServerLoadError
          title={error.code === 'NoSuchBucket' ? `There is no bucket named ${bucket}` : `Could not open bucket ${bucket}`}
          error={error}
          backend={backend}
        />
      ) : (
        <>
          <BucketTabs bucket={bucket} />
          {children}
        </>
      )}
    </>
  );
}
