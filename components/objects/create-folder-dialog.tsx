'use client';

import { lazy, Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { useDialogOnDemand } from '@/components/ui/use-dialog-on-demand';

// The dialog (its mutation) is fetched on the first click, not with the object list.
const CreateFolderForm = lazy(() => import('@/components/objects/create-folder-form').then((module) => ({ default: module.CreateFolderForm })));

/** "Create folder": a zero-byte object whose key ends in "/", inside the folder shown. */
export function CreateFolderDialog({ bucket, parent }: { bucket: string; parent: string }) {
  const dialog = useDialogOnDemand();
  return (
    <>
      <Button onClick={dialog.show}>Create folder</Button>
      {dialog.mounted ? (
        <Suspense>
          <CreateFolderForm bucket={bucket} parent={parent} open={dialog.open} onClose={dialog.close} />
        </Suspense>
      ) : null}
    </>
  );
}
