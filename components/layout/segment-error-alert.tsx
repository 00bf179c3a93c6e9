'use client';

import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/**
 * The body of a segment's error.tsx. Server errors reach the browser without their message in production,
 * so this shows the digest to match the server log.
 */
export function SegmentErrorAlert({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <Alert
      tone="error"
      title={`Could not show ${what}`}
      action={
        <Button variant="normal" onClick={retry}>
          Try again
        </Button>
      }
    >
      <p>Something went wrong on the console server. Its log has the details{digest ? ` (error id ${digest})` : ''}.</p>
    </Alert>
  );
}
