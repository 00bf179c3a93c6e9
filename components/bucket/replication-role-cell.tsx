'use client';

import { useQuery } from '@tanstack/react-query';
import { replicationRolesQuery } from '@/lib/queries/bucket';

function rules(count: number): string {
  return `${count} ${count === 1 ? 'rule' : 'rules'}`;
}

/** "Source of 1 rule", "Destination of 2 rules", both, or "None", from every bucket's GetBucketReplication. */
export function ReplicationRoleCell({ bucket }: { bucket: string }) {
  const { data, error, isPending } = useQuery(replicationRolesQuery());
  if (isPending) return <span className="text-gray-600">Checking…</span>;
  if (error) return <span className="text-gray-600" title={error.message}>Unknown</span>;
  const role = data[bucket];
  if (!role) return <span className="text-gray-600">—</span>;
  const parts = [
    role.sourceRules > 0 ? `Source of ${rules(role.sourceRules)}` : undefined,
    role.destinationRules > 0 ? `Destination of ${rules(role.destinationRules)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (!role.readable) parts.push('Replication configuration not readable (access denied)');
  return <span>{parts.length > 0 ? parts.join('; ') : 'None'}</span>;
}
