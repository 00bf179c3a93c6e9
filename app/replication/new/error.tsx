'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function ReplicationError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="the replication wizard" error={error} retry={retry} />;
}
