'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { deleteBucketAction } from '@/app/buckets/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { isActionError, unwrap } from '@/lib/actions/client';
import { bucketKeys } from '@/lib/queries/buckets';

function DeleteFailure({ bucket, error }: { bucket: string; error: Error }) {
  const code = isActionError(error) ? error.code : undefined;
  if (code === 'BucketNotEmpty') {
    return (
      <Alert tone="error" title="This bucket is not empty">
        <p>
          S3 says: “{error.message}”. A bucket can only be deleted when it holds nothing: delete its objects first and, if
          versioning was ever enabled, every object version and delete marker too (they stay after a plain delete).
        </p>
        <p>
          Open <Link href={`/buckets/${encodeURIComponent(bucket)}/versions`}>the bucket’s versions</Link> to see what is left.
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="The bucket was not deleted">
      <p>
        {error.message}
        {code ? <span className="text-gray-700"> ({code})</span> : null}
      </p>
    </Alert>
  );
}

/**
 * The dialog of DeleteBucketDialog: type the name, then delete. Stays mounted once opened, so that closing the native
 * dialog hands focus back to the button that opened it.
 */
export function DeleteBucketForm({
  bucket,
  open,
  onClose,
  onDeleted,
}: {
  bucket: string;
  open: boolean;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState('');
  const mutation = useMutation({
    mutationFn: () => deleteBucketAction({ name: bucket, confirmation }).then(unwrap),
    onSuccess: async () => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: bucketKeys.all });
      onDeleted?.();
    },
  });
  const fieldErrors = isActionError(mutation.error) ? mutation.error.fieldErrors.confirmation : undefined;

  function close() {
    onClose();
    setConfirmation('');
    mutation.reset();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete bucket ${bucket}?`}
      footer={
        <>
          <Button variant="link" onClick={close} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={mutation.isPending}
            disabled={confirmation !== bucket}
            onClick={() => mutation.mutate()}
          >
            Delete bucket
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p>Deleting a bucket cannot be undone. Only an empty bucket can be deleted.</p>
        <Input
          label={`To confirm deletion, type ${bucket}`}
          value={confirmation}
          autoComplete="off"
          spellCheck={false}
          errors={fieldErrors}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        {mutation.error && !fieldErrors ? <DeleteFailure bucket={bucket} error={mutation.error} /> : null}
      </div>
    </Dialog>
  );
}
