'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function BucketsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="the buckets" error={error} retry={retry} />;
}
