'use client';

import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';

// The dialog (its mutation) is fetched on the first click, not with the object list.
const CreateFolderForm = lazy(() => import('@/components/objects/create-folder-form').then((module) => ({ default: module.CreateFolderForm })));

/** "Create folder": a zero-byte object whose key ends in "/", inside the folder shown. */
export function CreateFolderDialog({ bucket, parent }: { bucket: string; parent: string }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing the native dialog hands focus back to the button.
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
          setOpened(true);
        }}
      >
        Create folder
      </Button>
      {opened ? (
        <Suspense>
          <CreateFolderForm bucket={bucket} parent={parent} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
