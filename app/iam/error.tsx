'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function IamError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="IAM" error={error} retry={retry} />;
}
