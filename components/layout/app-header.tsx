import Link from 'next/link';
import type { BackendInfo } from '@/lib/aws/backend';

function BackendBadge({ backend }: { backend: BackendInfo | undefined }) {
  if (!backend) {
    return <span className="rounded-full bg-red-700 px-3 py-0.5 text-xs font-bold text-white">Configuration error</span>;
  }
  const name = backend.kind === 'embedded' ? 'Embedded endpoint' : 'AWS';
  const region = backend.region ?? 'no region set';
  return (
    <span className="flex items-center gap-2 text-xs" aria-label={`Backend: ${name}, region ${region}`}>
      <span className={backend.kind === 'embedded' ? 'rounded-full bg-accent px-3 py-0.5 font-bold text-squid' : 'rounded-full bg-sky-300 px-3 py-0.5 font-bold text-squid'}>
        {name}
      </span>
      <span className="font-mono text-gray-200">{region}</span>
    </span>
  );
}

/** The dark top bar: product name and which backend the console talks to. */
export function AppHeader({ backend }: { backend: BackendInfo | undefined }) {
  return (
    <header className="flex items-center justify-between gap-4 bg-squid px-4 py-2 text-white">
      <Link href="/buckets" className="text-base font-bold text-white no-underline hover:text-accent">
        S3 Replication Console
      </Link>
      <BackendBadge backend={backend} />
    </header>
  );
}
