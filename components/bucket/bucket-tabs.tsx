'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const TABS = [
  { segment: 'objects', label: 'Objects' },
  { segment: 'versions', label: 'Versions' },
  { segment: 'properties', label: 'Properties' },
  { segment: 'management', label: 'Management' },
] as const;

/** The bucket's sections as links (each tab is its own URL, so it can be bookmarked and shared). */
export function BucketTabs({ bucket }: { bucket: string }) {
  const pathname = usePathname();
  const base = `/buckets/${encodeURIComponent(bucket)}`;
  return (
    <nav aria-label={`Bucket ${bucket}`} className="border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {TABS.map((tab) => {
          const href = `${base}/${tab.segment}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab.segment}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px block border-b-4 px-4 py-2 text-sm font-bold no-underline',
                  active ? 'border-action text-action' : 'border-transparent text-gray-700 hover:text-action',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
