import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" description="This address is not part of the console." />
      <p className="text-sm">
        Go to <Link href="/buckets">Buckets</Link>.
      </p>
    </>
  );
}
