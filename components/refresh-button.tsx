'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';

/** "Try again": renders the page again on the server (router.refresh), pending until the new render arrives. */
export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button pending={pending} onClick={() => startTransition(() => router.refresh())}>
      Try again
    </Button>
  );
}
