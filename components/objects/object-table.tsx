'use client';

import Link from 'next/link';
import { formatUtcDateTime } from '@/components/format-date';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { ObjectSummary, ReplicationStatuses } from '@/lib/queries/objects';
import { folderHref } from './folder-breadcrumbs';
import { formatSize } from './format-size';
import { ReplicationStatusBadge } from './replication-status-badge';

export function objectDetailsHref(bucket: string, key: string, versionId?: string): string {
  const params = new URLSearchParams({ key });
  if (versionId) params.set('versionId', versionId);
  return `/buckets/${encodeURIComponent(bucket)}/objects/details?${params}`;
}

/** The part of a key or prefix below the folder shown. */
function nameIn(prefix: string, keyOrPrefix: string): string {
  return keyOrPrefix.startsWith(prefix) ? keyOrPrefix.slice(prefix.length) : keyOrPrefix;
}

export function ObjectTable({
  bucket,
  prefix,
  folders,
  objects,
  statuses,
  selected,
  onToggle,
}: {
  bucket: string;
  prefix: string;
  folders: readonly string[];
  objects: readonly ObjectSummary[];
  statuses: ReplicationStatuses | undefined;
  /** Selected keys and folder prefixes. */
  selected: ReadonlySet<string>;
  onToggle: (keyOrPrefix: string) => void;
}) {
  return (
    <Table caption={`Objects in ${prefix || bucket}`} captionHidden>
      <THead>
        <tr>
          <Th>
            <span className="sr-only">Select</span>
          </Th>
          <Th>Name</Th>
          <Th>Type</Th>
          <Th>Last modified</Th>
          <Th>Size</Th>
          <Th>Storage class</Th>
          <Th>Replication status</Th>
        </tr>
      </THead>
      <TBody>
        {folders.map((folder) => {
          const name = nameIn(prefix, folder);
          return (
            <Tr key={`folder:${folder}`}>
              <Td>
                <input type="checkbox" aria-label={`Select folder ${name}`} checked={selected.has(folder)} onChange={() => onToggle(folder)} />
              </Td>
              <Td>
                <Link href={folderHref(bucket, folder)} className="font-bold">
                  {name}
                </Link>
              </Td>
              <Td>Folder</Td>
              <Td>—</Td>
              <Td>—</Td>
              <Td>—</Td>
              <Td>—</Td>
            </Tr>
          );
        })}
        {objects.map((object) => {
          const name = nameIn(prefix, object.key);
          return (
            <Tr key={`object:${object.key}`}>
              <Td>
                <input type="checkbox" aria-label={`Select ${name}`} checked={selected.has(object.key)} onChange={() => onToggle(object.key)} />
              </Td>
              <Td className="min-w-48 [overflow-wrap:anywhere]">
                <Link href={objectDetailsHref(bucket, object.key)}>{name}</Link>
              </Td>
              <Td>{name.includes('.') ? name.split('.').pop() : '—'}</Td>
              <Td className="whitespace-nowrap">
                {object.lastModified ? <time dateTime={object.lastModified}>{formatUtcDateTime(object.lastModified)}</time> : '—'}
              </Td>
              <Td className="whitespace-nowrap">{formatSize(object.size)}</Td>
              <Td>{object.storageClass}</Td>
              <Td>
                <ReplicationStatusBadge status={statuses?.[object.key]} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
