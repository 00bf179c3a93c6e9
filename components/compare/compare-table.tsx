'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { formatSize } from '@/components/objects/format-size';
import type { CompareRow, CompareSide } from '@/lib/compare/types';
import { CLASS_STYLES } from './class-styles';

function SideCell({ side, versions }: { side: CompareSide | undefined; versions: boolean }) {
  if (!side) return <span className="text-gray-500">—</span>;
  if (side.isDeleteMarker) {
    return (
      <span>
        <Badge>Delete marker</Badge>
        {versions && side.versionId ? <span className="block font-mono text-xs text-gray-600">{side.versionId}</span> : null}
      </span>
    );
  }
  return (
    <span className="whitespace-nowrap">
      {formatSize(side.size)}
      {side.etag ? <span className="block max-w-40 truncate font-mono text-xs text-gray-600" title={side.etag}>{side.etag}</span> : null}
      {versions && side.versionId ? <span className="block font-mono text-xs text-gray-600">{side.versionId}</span> : null}
    </span>
  );
}

/** One window of classified rows; FAILED rows offer Retry where the backend supports it. */
export function CompareTable({
  rows,
  versions,
  caption,
  onRetry,
  retrying,
}: {
  rows: readonly CompareRow[];
  versions: boolean;
  caption: string;
  onRetry?: (row: CompareRow) => void;
  retrying?: string;
}) {
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <tr>
          <Th>Key</Th>
          <Th>Class</Th>
          <Th>Why</Th>
          <Th>Source</Th>
          <Th>Destination</Th>
        </tr>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <tr>
            <Td colSpan={5} className="py-6 text-center text-gray-600">
              No objects match.
            </Td>
          </tr>
        ) : null}
        {rows.map((row, index) => (
          <Tr key={`${row.key}\u0000${row.source?.versionId ?? row.destination?.versionId ?? ''}\u0000${index}`} data-testid="compare-row" data-key={row.key} data-class={row.class}>
            <Td className="max-w-md break-all font-mono text-xs">{row.key}</Td>
            <Td>
              <Badge tone={CLASS_STYLES[row.class].tone}>{CLASS_STYLES[row.class].label}</Badge>
              {row.replicationStatus ? <span className="mt-1 block text-xs text-gray-600">{row.replicationStatus}</span> : null}
            </Td>
            <Td className="max-w-md text-xs">
              {row.reason ? (
                <>
                  <span className="font-bold">{row.reason.code}</span>
                  <span className="block text-gray-800">{row.reason.message}</span>
                </>
              ) : (
                <span className="text-gray-500">—</span>
              )}
              {row.class === 'failed' && onRetry ? (
                <Button className="mt-1" onClick={() => onRetry(row)} pending={retrying === `${row.key}\u0000${row.source?.versionId ?? ''}`}>
                  Retry
                </Button>
              ) : null}
            </Td>
            <Td>
              <SideCell side={row.source} versions={versions} />
            </Td>
            <Td>
              <SideCell side={row.destination} versions={versions} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
