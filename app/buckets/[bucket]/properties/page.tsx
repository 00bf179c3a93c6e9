import type { Metadata } from 'next';
import { BucketPropertiesView } from '@/components/bucket/bucket-properties-view';

type Props = { params: Promise<{ bucket: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Properties · ${(await params).bucket}` };
}

export default async function PropertiesPage({ params }: Props) {
  const { bucket } = await params;
  return <BucketPropertiesView bucket={bucket} />;
}
