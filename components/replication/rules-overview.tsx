'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { rulesOverviewQuery } from '@/lib/queries/replication';
import type { RuleOverviewRow } from '@/lib/replication-console/views';
import { compareHref } from './rule-options';

type Filters = { source: string; destination: string; status: string };

const unique = (values: string[]) => [...new Set(values)].sort().map((value) => ({ value, label: value }));

function matches(row: RuleOverviewRow, filters: Filters): boolean {
  return (
    (filters.source === '' || row.sourceBucket === filters.source) &&
    (filters.destination === '' || row.destinationBucket === filters.destination) &&
    (filters.status === '' || row.status === filters.status)
  );
}

/** Every rule of every bucket, filterable, each linking to its bucket and to the compare page. */
export function RulesOverview({ initialSource }: { initialSource?: string }) {
  const query = useQuery(rulesOverviewQuery());
  const [filters, setFilters] = useState<Filters>({ source: initialSource ?? '', destination: '', status: '' });
  if (query.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm">
        <Spinner label={null} /> Reading every bucket&apos;s replication configuration…
      </p>
    );
  }
  if (query.isError) {
    return (
      <Alert tone="error" title="Could not read the replication rules" action={<Button onClick={() => void query.refetch()}>Try again</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  const { rows, unreadable } = query.data;
  const shown = rows.filter((row) => matches(row, filters));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-4">
        <Select
          label="Source bucket"
          placeholder="All"
          options={unique(rows.map((row) => row.sourceBucket))}
          value={filters.source}
          onChange={(event) => setFilters({ ...filters, source: event.target.value })}
        />
        <Select
          label="Destination bucket"
          placeholder="All"
          options={unique(rows.map((row) => row.destinationBucket))}
          value={filters.destination}
          onChange={(event) => setFilters({ ...filters, destination: event.target.value })}
        />
        <Select
          label="Status"
          placeholder="All"
          options={[
            { value: 'Enabled', label: 'Enabled' },
            { value: 'Disabled', label: 'Disabled' },
          ]}
          value={filters.status}
          onChange={(event) => setFilters({ ...filters, status: event.target.value })}
        />
      </div>
      {unreadable.map((entry) => (
        <Alert key={entry.bucket} tone="warning" title={`Could not read the configuration of ${entry.bucket}`}>
          {entry.message}
        </Alert>
      ))}
      <Table caption={`Replication rules (${shown.length} of ${rows.length})`}>
        <THead>
          <Tr>
            <Th>Source bucket</Th>
            <Th>Rule</Th>
            <Th>Status</Th>
            <Th>Priority</Th>
            <Th>Scope</Th>
            <Th>Destination bucket</Th>
            <Th>Replication</Th>
            <Th>Actions</Th>
          </Tr>
        </THead>
        <TBody>
          {shown.length === 0 ? (
            <Tr>
              <Td colSpan={8}>{rows.length === 0 ? 'No bucket has replication rules yet.' : 'No rule matches these filters.'}</Td>
            </Tr>
          ) : (
            shown.map((row) => (
              <Tr key={`${row.sourceBucket}/${row.ruleId}`}>
                <Td>
                  <Link href={`/buckets/${encodeURIComponent(row.sourceBucket)}/management`}>{row.sourceBucket}</Link>
                  <div className="font-mono text-xs text-gray-600">{row.sourceRegion}</div>
                </Td>
                <Th scope="row" className="align-top">
                  {row.ruleId}
                </Th>
                <Td>
                  <Badge tone={row.status === 'Enabled' ? 'success' : 'neutral'}>{row.status}</Badge>
                </Td>
                <Td>{row.priority ?? '—'}</Td>
                <Td>{row.scope}</Td>
                <Td>
                  {row.destinationBucket}
                  <div className="font-mono text-xs text-gray-600">{row.destinationRegion ?? 'not visible'}</div>
                </Td>
                <Td>{row.destinationRegion === null ? '—' : row.destinationRegion === row.sourceRegion ? 'SRR' : 'CRR'}</Td>
                <Td>
                  <div className="flex flex-col gap-1">
                    <Link href={`/buckets/${encodeURIComponent(row.sourceBucket)}/management`}>Open bucket</Link>
                    <Link href={compareHref(row.sourceBucket, row.ruleId)}>Compare buckets</Link>
                  </div>
                </Td>
              </Tr>
            ))
          )}
        </TBody>
      </Table>
    </div>
  );
}
