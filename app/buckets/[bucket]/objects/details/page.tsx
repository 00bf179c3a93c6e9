import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { ObjectDetailsView } from '@/components/objects/object-details-view';

type Props = {
  params: Promise<{ bucket: string }>;
  searchParams: Promise<{ key?: string | string[]; versionId?: string | string[] }>;
};

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: single((await searchParams).key) ?? 'Object' };
}

export default async function ObjectDetailsPage({ params, searchParams }: Props) {
  const { bucket } = await params;
  const query = await searchParams;
  const key = single(query.key);
  if (!key) return <Alert tone="error" title="No object chosen">Open an object from the Objects tab.</Alert>;
  return <ObjectDetailsView bucket={bucket} objectKey={key} versionId={single(query.versionId)} />;
}
