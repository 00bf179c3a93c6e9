'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatUtcDateTime } from '@/components/format-date';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { groupsQuery } from '@/lib/queries/iam';
import { LoadState } from './load-state';

export function GroupsList() {
  const { data, error, isPending } = useQuery(groupsQuery());
  return (
    <section aria-labelledby="groups-heading" className="space-y-3">
      <h2 id="groups-heading" className="text-lg font-bold">
        Groups {data ? <span className="font-normal text-gray-700">({data.length})</span> : null}
      </h2>
      <LoadState what="groups" isPending={isPending} error={error} />
      {data ? (
        data.length === 0 ? (
          <p className="rounded-xl border border-line bg-white px-4 py-8 text-center text-sm">No groups yet.</p>
        ) : (
          <Table caption="Groups" captionHidden>
            <THead>
              <tr>
                <Th>Group name</Th>
                <Th>ARN</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {data.map((group) => (
                <Tr key={group.arn}>
                  <Td>
                    <Link href={`/iam/groups/${encodeURIComponent(group.name)}`} className="font-bold">
                      {group.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{group.arn}</Td>
                  <Td className="whitespace-nowrap">{group.createDate ? formatUtcDateTime(group.createDate) : '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )
      ) : null}
    </section>
  );
}
