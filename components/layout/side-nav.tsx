'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { isActiveSection, NAV_ITEMS } from './nav-items';

export function SideNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console sections" className="w-full shrink-0 border-b border-line bg-white md:w-60 md:border-r md:border-b-0">
      <p className="hidden px-6 pt-5 pb-2 text-lg font-bold md:block">Amazon S3</p>
      <ul className="flex flex-wrap gap-1 p-2 md:flex-col md:p-3">
        {NAV_ITEMS.map((item) => {
          const active = isActiveSection(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'block rounded-md px-3 py-1.5 text-sm no-underline',
                  active ? 'bg-sky-50 font-bold text-action' : 'text-gray-800 hover:bg-gray-100 hover:text-action',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
