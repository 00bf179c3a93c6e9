import type { Metadata } from 'next';
import { Suspense } from 'react';
import { BucketReplicationPanel } from '@/components/replication/bucket-replication-panel';

type Props = { params: Promise<{ bucket: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Management · ${(await params).bucket}` };
}

export default async function ManagementPage({ params }: Props) {
  const { bucket } = await params;
  // The panel reads ?saved= (set by the wizard), which needs a Suspense boundary.
  return (
    <Suspense>
      <BucketReplicationPanel bucket={bucket} />
    </Suspense>
  );
}
