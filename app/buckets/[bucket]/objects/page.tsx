import type { Metadata } from 'next';
import { ObjectBrowser } from '@/components/objects/object-browser';

type Props = { params: Promise<{ bucket: string }>; searchParams: Promise<{ prefix?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Objects · ${(await params).bucket}` };
}

export default async function ObjectsPage({ params, searchParams }: Props) {
  const { bucket } = await params;
  const { prefix } = await searchParams;
  return <ObjectBrowser bucket={bucket} prefix={typeof prefix === 'string' ? prefix : ''} />;
}
