'use client';

import Link from 'next/link';
import { formatUtcDateTime } from '@/components/format-date';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { downloadUrl, objectRefId, type ReplicationStatuses } from '@/lib/queries/objects';
import type { ObjectVersion } from '@/lib/queries/versions';
import { formatSize } from './format-size';
import { objectDetailsHref } from './object-table';
import { ReplicationStatusBadge } from './replication-status-badge';

export function VersionTable({
  bucket,
  versions,
  statuses,
  onDelete,
}: {
  bucket: string;
  versions: readonly ObjectVersion[];
  statuses: ReplicationStatuses | undefined;
  onDelete: (version: ObjectVersion) => void;
}) {
  return (
    <Table caption={`Versions in ${bucket}`} captionHidden>
      <THead>
        <tr>
          <Th>Key</Th>
          <Th>Version ID</Th>
          <Th>Type</Th>
          <Th>Last modified</Th>
          <Th>Size</Th>
          <Th>Replication status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {versions.map((version) => {
          const ref = { key: version.key, versionId: version.versionId };
          return (
            <Tr key={objectRefId(ref)}>
              <Td className="min-w-48 [overflow-wrap:anywhere]">
                {version.isDeleteMarker ? (
                  version.key
                ) : (
                  <Link href={objectDetailsHref(bucket, version.key, version.versionId)}>{version.key}</Link>
                )}
              </Td>
              <Td className="min-w-44 font-mono text-xs break-all">
                <span>{version.versionId}</span>{' '}
                {version.isLatest ? (
                  <Badge tone="info" className="ml-1 font-sans">
                    Latest
                  </Badge>
                ) : null}
              </Td>
              <Td>{version.isDeleteMarker ? <Badge tone="warning">Delete marker</Badge> : 'Version'}</Td>
              <Td className="min-w-36">
                {version.lastModified ? <time dateTime={version.lastModified}>{formatUtcDateTime(version.lastModified)}</time> : '—'}
              </Td>
              <Td className="whitespace-nowrap">{version.size === undefined ? '—' : formatSize(version.size)}</Td>
              <Td>{version.isDeleteMarker ? '—' : <ReplicationStatusBadge status={statuses?.[objectRefId(ref)]} />}</Td>
              <Td>
                <div className="flex flex-col items-start">
                  {version.isDeleteMarker ? null : (
                    <a
                      href={downloadUrl(bucket, ref)}
                      download
                      className={buttonClasses('link')}
                      aria-label={`Download ${version.key} version ${version.versionId}`}
                    >
                      Download
                    </a>
                  )}
                  <button
                    type="button"
                    className={buttonClasses('link', 'text-red-700')}
                    onClick={() => onDelete(version)}
                    aria-label={`Delete ${version.isDeleteMarker ? 'delete marker of ' : ''}${version.key} version ${version.versionId}`}
                  >
                    Delete
                  </button>
                </div>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
