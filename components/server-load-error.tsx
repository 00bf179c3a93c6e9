'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { BackendErrorAlert, type ShownError } from '@/components/backend-error-alert';
import { Button } from '@/components/ui/button';
import type { BackendInfo } from '@/lib/aws/backend';

/** A read that failed during the server render, with a button that renders the page again. */
export function ServerLoadError({ title, error, backend }: { title: string; error: ShownError; backend: BackendInfo }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <BackendErrorAlert
      title={title}
      error={error}
      backend={backend}
      action={
        <Button pending={pending} onClick={() => startTransition(() => router.refresh())}>
          Try again
        </Button>
      }
    />
  );
}
