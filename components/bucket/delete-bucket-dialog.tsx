'use client';

import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';

// The dialog (its mutation, its explanations) is fetched on the first click, not with every row of the bucket list.
const DeleteBucketForm = lazy(() => import('@/components/bucket/delete-bucket-form').then((module) => ({ default: module.DeleteBucketForm })));

/** Delete an empty bucket after typing its name; S3's refusal of a non-empty one is explained, not hidden. */
export function DeleteBucketDialog({ bucket, onDeleted }: { bucket: string; onDeleted?: () => void }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);

  return (
    <>
      <Button
        variant="link"
        onClick={() => {
          setOpen(true);
          setOpened(true);
        }}
        aria-label={`Delete bucket ${bucket}`}
      >
        Delete
      </Button>
      {opened ? (
        <Suspense>
          <DeleteBucketForm bucket={bucket} open={open} onClose={() => setOpen(false)} onDeleted={onDeleted} />
        </Suspense>
      ) : null}
    </>
  );
}
