'use client';

import dynamic from 'next/dynamic';
import { usePathname, useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import type { CompareTarget } from '@/lib/queries/compare';
import { compareParams } from '@/lib/queries/compare';
import { TargetPicker } from './target-picker';

// The results (table, metrics, batch replication and copy jobs) load on their own once a target is chosen: not part of
// the page's first JavaScript.
const CompareResults = dynamic(() => import('./compare-results').then((module) => module.CompareResults));

/** The compare dashboard: what to compare lives in the URL (`?bucket=&rule=` links from the rules table work). */
export function ComparePage({ target, backend }: { target: Partial<CompareTarget>; backend: 'embedded' | 'aws' }) {
  const router = useRouter();
  const pathname = usePathname();
  const complete = target.source && (target.rule || target.destination);

  function navigate(next: Partial<CompareTarget>) {
    if (!next.source) {
      router.replace(pathname);
      return;
    }
    router.replace(`${pathname}?${compareParams({ source: next.source, destination: next.destination, rule: next.rule, mode: next.mode ?? 'current' })}`);
  }

  return (
    <div className="space-y-6">
      <TargetPicker target={target} onChange={navigate} />
      {complete ? (
        <CompareResults key={JSON.stringify(target)} target={target as CompareTarget} backend={backend} />
      ) : (
        <Alert title="Choose what to compare">Pick a source bucket, then one of its replication rules or another bucket.</Alert>
      )}
    </div>
  );
}
