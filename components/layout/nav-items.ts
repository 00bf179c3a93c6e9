export type NavItem = { href: string; label: string };

/** The console's sections, in the order of the tutorial: buckets, then replication, checking, permissions, CLI. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/buckets', label: 'Buckets' },
  { href: '/replication', label: 'Replication rules' },
  { href: '/compare', label: 'Compare' },
  { href: '/iam', label: 'IAM' },
  { href: '/connect', label: 'Connect' },
];

export function isActiveSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
