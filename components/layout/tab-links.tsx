'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { isActiveSection, type NavItem } from './nav-items';

/** A row of tabs that are links (each tab its own URL); the tab of the current path, or of a page under it, is marked. */
export function TabLinks({ label, tabs }: { label: string; tabs: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const active = isActiveSection(pathname, tab.href);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
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
