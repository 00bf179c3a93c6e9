'use client';

import Link from 'next/link';
import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';

// The form (regions, name checks, the mutation) is fetched on the first click, not with the bucket list.
const CreateBucketForm = lazy(() => import('@/components/buckets/create-bucket-form').then((module) => ({ default: module.CreateBucketForm })));

/** "Create bucket": the button, the dialog behind it, and the link to the bucket just created. */
export function CreateBucketDialog({ defaultRegion }: { defaultRegion?: string }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing the native dialog hands focus back to the button.
  const [opened, setOpened] = useState(false);
  const [created, setCreated] = useState<string | undefined>();

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          setCreated(undefined);
          setOpen(true);
          setOpened(true);
        }}
      >
        Create bucket
      </Button>
      <StatusMessage className="sr-only">{created ? `Bucket ${created} created.` : ''}</StatusMessage>
      {created ? (
        <p className="text-sm text-green-800" aria-hidden="true">
          Created <Link href={`/buckets/${encodeURIComponent(created)}/objects`}>{created}</Link>.
        </p>
      ) : null}
      {opened ? (
        <Suspense>
          <CreateBucketForm
            open={open}
            defaultRegion={defaultRegion}
            onClose={() => setOpen(false)}
            onCreated={(name) => {
              setCreated(name);
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
