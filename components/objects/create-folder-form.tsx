'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createFolderAction } from '@/app/buckets/[bucket]/objects/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { isActionError, unwrap } from '@/lib/actions/client';
import { objectKeys } from '@/lib/queries/objects';

/** The dialog of CreateFolderDialog; stays mounted once opened, so a typed name survives closing and reopening. */
export function CreateFolderForm({ bucket, parent, open, onClose }: { bucket: string; parent: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const mutation = useMutation({
    mutationFn: () => createFolderAction({ bucket, parent, name }).then(unwrap),
    onSuccess: async () => {
      onClose();
      setName('');
      await queryClient.invalidateQueries({ queryKey: objectKeys.all(bucket) });
    },
  });
  const fieldErrors = isActionError(mutation.error) ? mutation.error.fieldErrors.name : undefined;

  function close() {
    onClose();
    mutation.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <Dialog open={open} onClose={close} title="Create folder">
      <form className="space-y-4" onSubmit={submit} noValidate>
        <Input
          label="Folder name"
          hint={`Created in ${parent ? parent : `the root of ${bucket}`}. Do not include "/".`}
          value={name}
          autoComplete="off"
          errors={fieldErrors}
          onChange={(event) => setName(event.target.value)}
        />
        {mutation.error && !fieldErrors ? (
          <Alert tone="error" title="The folder was not created">
            <p>{mutation.error.message}</p>
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="link" onClick={close} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" pending={mutation.isPending}>
            Create folder
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
