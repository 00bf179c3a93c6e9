import { TabLinks } from '@/components/layout/tab-links';

const TABS = [
  { segment: 'objects', label: 'Objects' },
  { segment: 'versions', label: 'Versions' },
  { segment: 'properties', label: 'Properties' },
  { segment: 'management', label: 'Management' },
] as const;

/** The bucket's sections as links (each tab is its own URL, so it can be bookmarked and shared). */
export function BucketTabs({ bucket }: { bucket: string }) {
  const base = `/buckets/${encodeURIComponent(bucket)}`;
  return <TabLinks label={`Bucket ${bucket}`} tabs={TABS.map((tab) => ({ href: `${base}/${tab.segment}`, label: tab.label }))} />;
}
