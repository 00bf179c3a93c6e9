import { Badge, type Tone } from '@/components/ui/badge';
import type { ReplicationStatus } from '@/lib/queries/objects';

const presentation: Record<ReplicationStatus, { tone: Tone; title: string }> = {
  PENDING: { tone: 'info', title: 'Waiting to be copied to the destination bucket' },
  COMPLETED: { tone: 'success', title: 'Copied to the destination bucket' },
  FAILED: { tone: 'error', title: 'Replication failed; S3 will not retry it' },
  REPLICA: { tone: 'neutral', title: 'A copy made by replication from a source bucket' },
};

/** PENDING / COMPLETED / FAILED / REPLICA, as S3 reports x-amz-replication-status. */
export function ReplicationStatusBadge({ status }: { status: ReplicationStatus | undefined }) {
  if (!status) return <span className="text-gray-600">—</span>;
  const { tone, title } = presentation[status];
  return (
    <Badge tone={tone} className="font-mono">
      <span title={title}>{status}</span>
    </Badge>
  );
}
