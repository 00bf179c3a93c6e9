'use client';

import { lazy, Suspense } from 'react';

// The alert is fetched only when a segment fails: every error.tsx is part of its route's first JavaScript, and the
// bundler copies what each one imports into its own chunk.
const SegmentErrorAlert = lazy(() => import('@/components/layout/segment-error-alert').then((module) => ({ default: module.SegmentErrorAlert })));

/** The body of a segment's error.tsx (see SegmentErrorAlert). */
export function SegmentError(props: { what: string; error: unknown; retry: () => void }) {
  return (
    <Suspense>
      <SegmentErrorAlert {...props} />
    </Suspense>
  );
}
