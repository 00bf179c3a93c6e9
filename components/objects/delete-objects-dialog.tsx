'use client';

import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { useDialogOnDemand } from '@/components/ui/use-dialog-on-demand';

// The dialog (bucket versioning check, mutation, outcome) is fetched on the first click, not with the object list.
const DeleteObjectsForm = lazy(() => import('@/components/objects/delete-objects-form').then((module) => ({ default: module.DeleteObjectsForm })));

/** Deletes the selected objects and folders, saying first what a delete means in this bucket. */
export function DeleteObjectsDialog({
  bucket,
  keys,
  folders,
  onDone,
}: {
  bucket: string;
  keys: readonly string[];
  folders: readonly string[];
  onDone: () => void;
}) {
  const dialog = useDialogOnDemand();
  const [outcome, setOutcome] = useState('');
  const count = keys.length + folders.length;

  return (
    <>
      <Button variant="normal" disabled={count === 0} onClick={dialog.show}>
        Delete
      </Button>
      <StatusMessage className="text-gray-800">{outcome}</StatusMessage>
      {dialog.mounted ? (
        <Suspense>
          <DeleteObjectsForm
            bucket={bucket}
            keys={keys}
            folders={folders}
            open={dialog.open}
            onClose={dialog.close}
            onDone={onDone}
            onOutcome={setOutcome}
          />
        </Suspense>
      ) : null}
    </>
  );
}
