'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function CompareError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="the comparison" error={error} retry={retry} />;
}
