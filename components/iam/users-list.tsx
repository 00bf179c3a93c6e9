'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatUtcDateTime } from '@/components/format-date';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { usersQuery } from '@/lib/queries/iam';
import { LoadState } from './load-state';

export function UsersList() {
  const { data, error, isPending } = useQuery(usersQuery());
  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <h2 id="users-heading" className="text-lg font-bold">
        Users {data ? <span className="font-normal text-gray-700">({data.length})</span> : null}
      </h2>
      <LoadState what="users" isPending={isPending} error={error} />
      {data ? (
        data.length === 0 ? (
          <p className="rounded-xl border border-line bg-white px-4 py-8 text-center text-sm">No users yet.</p>
        ) : (
          <Table caption="Users" captionHidden>
            <THead>
              <tr>
                <Th>User name</Th>
                <Th>ARN</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {data.map((user) => (
                <Tr key={user.arn}>
                  <Td>
                    <Link href={`/iam/users/${encodeURIComponent(user.name)}`} className="font-bold">
                      {user.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{user.arn}</Td>
                  <Td className="whitespace-nowrap">{user.createDate ? formatUtcDateTime(user.createDate) : '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )
      ) : null}
    </section>
  );
}
