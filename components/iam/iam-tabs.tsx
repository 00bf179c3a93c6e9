'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const SECTIONS = [
  { href: '/iam/roles', label: 'Roles' },
  { href: '/iam/users', label: 'Users' },
  { href: '/iam/groups', label: 'Groups' },
] as const;

export function IamTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="IAM" className="border-b border-line">
      <ul className="flex gap-1">
        {SECTIONS.map((section) => {
          const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px block border-b-4 px-4 py-2 text-sm font-bold no-underline',
                  active ? 'border-action text-action' : 'border-transparent text-gray-700 hover:text-action',
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
