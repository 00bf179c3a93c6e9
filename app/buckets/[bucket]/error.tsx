'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function BucketError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="the bucket" error={error} retry={retry} />;
}
