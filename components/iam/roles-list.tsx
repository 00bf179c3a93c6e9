'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatUtcDateTime } from '@/components/format-date';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { rolesQuery } from '@/lib/queries/iam';
import { LoadState } from './load-state';

export function RolesList() {
  const { data, error, isPending } = useQuery(rolesQuery());
  return (
    <section aria-labelledby="roles-heading" className="space-y-3">
      <h2 id="roles-heading" className="text-lg font-bold">
        Roles {data ? <span className="font-normal text-gray-700">({data.length})</span> : null}
      </h2>
      <p className="max-w-3xl text-sm text-gray-700">
        Replication assumes a role to read from the source bucket and write to the destination. The replication wizard creates
        one with least-privilege permissions.
      </p>
      <LoadState what="roles" isPending={isPending} error={error} />
      {data ? (
        data.length === 0 ? (
          <p className="rounded-xl border border-line bg-white px-4 py-8 text-center text-sm">No roles yet.</p>
        ) : (
          <Table caption="Roles" captionHidden>
            <THead>
              <tr>
                <Th>Role name</Th>
                <Th>Description</Th>
                <Th>Created</Th>
              </tr>
            </THead>
            <TBody>
              {data.map((role) => (
                <Tr key={role.arn}>
                  <Td>
                    <Link href={`/iam/roles/${encodeURIComponent(role.name)}`} className="font-bold">
                      {role.name}
                    </Link>
                  </Td>
                  <Td>{role.description ?? '—'}</Td>
                  <Td className="whitespace-nowrap">{role.createDate ? formatUtcDateTime(role.createDate) : '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )
      ) : null}
    </section>
  );
}
