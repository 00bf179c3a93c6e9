'use client';

import { SegmentError } from '@/components/layout/segment-error';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError what="this page" error={error} retry={retry} />;
}
