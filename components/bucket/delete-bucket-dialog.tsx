'use client';

import { lazy, Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { useDialogOnDemand } from '@/components/ui/use-dialog-on-demand';

// The dialog (its mutation, its explanations) is fetched on the first click, not with every row of the bucket list.
const DeleteBucketForm = lazy(() => import('@/components/bucket/delete-bucket-form').then((module) => ({ default: module.DeleteBucketForm })));

/** Delete an empty bucket after typing its name; S3's refusal of a non-empty one is explained, not hidden. */
export function DeleteBucketDialog({ bucket, onDeleted }: { bucket: string; onDeleted?: () => void }) {
  const dialog = useDialogOnDemand();

  return (
    <>
      <Button variant="link" onClick={dialog.show} aria-label={`Delete bucket ${bucket}`}>
        Delete
      </Button>
      {dialog.mounted ? (
        <Suspense>
          <DeleteBucketForm bucket={bucket} open={dialog.open} onClose={dialog.close} onDeleted={onDeleted} />
        </Suspense>
      ) : null}
    </>
  );
}
