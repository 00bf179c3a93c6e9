'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function ConnectError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="the connection details" error={error} retry={retry} />;
}
