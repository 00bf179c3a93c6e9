'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatUtcDateTime } from '@/components/format-date';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { KeyValueList, type KeyValueItem } from '@/components/ui/key-value-list';
import { Spinner } from '@/components/ui/spinner';
import { downloadUrl, objectDetailsQuery, type ObjectDetails } from '@/lib/queries/objects';
import { folderHref } from './folder-breadcrumbs';
import { formatSize } from './format-size';
import { ReplicationStatusBadge } from './replication-status-badge';

function pairs(record: Record<string, string>): ReactNode {
  const entries = Object.entries(record);
  if (entries.length === 0) return <span className="text-gray-600">None</span>;
  return (
    <ul className="space-y-1">
      {entries.map(([key, value]) => (
        <li key={key}>
          <span className="font-mono">{key}</span> = <span className="font-mono">{value}</span>
        </li>
      ))}
    </ul>
  );
}

function detailItems(details: ObjectDetails): KeyValueItem[] {
  return [
    { key: 'key', label: 'Key', value: <span className="font-mono">{details.key}</span> },
    { key: 'size', label: 'Size', value: `${formatSize(details.size)} (${details.size.toLocaleString('en-US')} bytes)` },
    { key: 'type', label: 'Content type', value: details.contentType ?? '—' },
    {
      key: 'modified',
      label: 'Last modified',
      value: details.lastModified ? <time dateTime={details.lastModified}>{formatUtcDateTime(details.lastModified)}</time> : '—',
    },
    { key: 'etag', label: 'ETag', value: <span className="font-mono">{details.etag ?? '—'}</span> },
    { key: 'class', label: 'Storage class', value: details.storageClass },
    { key: 'version', label: 'Version ID', value: <span className="font-mono">{details.versionId ?? 'null (versioning off)'}</span> },
    { key: 'replication', label: 'Replication status', value: <ReplicationStatusBadge status={details.replicationStatus} /> },
    { key: 'metadata', label: 'User-defined metadata', value: pairs(details.metadata) },
    { key: 'tags', label: 'Tags', value: pairs(Object.fromEntries(details.tags.map((tag) => [tag.Key, tag.Value]))) },
  ];
}

/** One object (or one version of it): its properties, replication status (polled while PENDING) and a download. */
export function ObjectDetailsView({ bucket, objectKey, versionId }: { bucket: string; objectKey: string; versionId?: string }) {
  const { data, error, isPending } = useQuery(objectDetailsQuery(bucket, objectKey, versionId));
  const folder = objectKey.includes('/') ? objectKey.slice(0, objectKey.lastIndexOf('/') + 1) : '';
  return (
    <section aria-labelledby="object-heading" className="space-y-4">
      <p className="text-sm">
        <Link href={folderHref(bucket, folder)}>← Back to {folder || bucket}</Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="object-heading" className="text-lg font-bold break-all">
          {objectKey.slice(folder.length)}
          {versionId ? <span className="font-normal text-gray-700"> (version {versionId})</span> : null}
        </h2>
        <a href={downloadUrl(bucket, { key: objectKey, versionId })} download className={buttonClasses('primary', 'no-underline hover:no-underline')}>
          Download
        </a>
      </div>
      {error ? (
        <Alert tone="error" title="Could not read the object">
          <p>{error.message}</p>
        </Alert>
      ) : null}
      {isPending ? (
        <p className="flex items-center gap-2 text-sm text-gray-700">
          <Spinner label={null} /> Loading object details…
        </p>
      ) : null}
      {data ? (
        <div className="rounded-xl border border-line bg-white p-4">
          <KeyValueList items={detailItems(data)} />
        </div>
      ) : null}
    </section>
  );
}
