import type { Metadata } from 'next';
import { VersionBrowser } from '@/components/objects/version-browser';

type Props = { params: Promise<{ bucket: string }>; searchParams: Promise<{ prefix?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Versions · ${(await params).bucket}` };
}

export default async function VersionsPage({ params, searchParams }: Props) {
  const { bucket } = await params;
  const { prefix } = await searchParams;
  return <VersionBrowser bucket={bucket} initialPrefix={typeof prefix === 'string' ? prefix : ''} />;
}
