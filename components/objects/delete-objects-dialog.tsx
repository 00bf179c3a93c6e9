'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteObjectsAction } from '@/app/buckets/[bucket]/objects/actions';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { unwrap } from '@/lib/actions/client';
import { bucketPropertiesQuery } from '@/lib/queries/bucket';
import { objectKeys } from '@/lib/queries/objects';
import type { DeleteOutcome } from '@/lib/s3-console/object-mutations';

function outcomeText(outcome: DeleteOutcome): string {
  const parts = [];
  if (outcome.deleted > 0) parts.push(`${outcome.deleted} deleted permanently`);
  if (outcome.deleteMarkers > 0) parts.push(`${outcome.deleteMarkers} hidden behind a delete marker (their versions remain)`);
  if (outcome.failures.length > 0) parts.push(`${outcome.failures.length} failed`);
  return parts.length > 0 ? `${parts.join(', ')}.` : 'Nothing to delete.';
}

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
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const properties = useQuery({ ...bucketPropertiesQuery(bucket), enabled: open });
  const mutation = useMutation({
    mutationFn: () => deleteObjectsAction({ bucket, keys: [...keys], folders: [...folders] }).then(unwrap),
    onSuccess: async (outcome) => {
      if (outcome.failures.length === 0) setOpen(false);
      onDone();
      await queryClient.invalidateQueries({ queryKey: objectKeys.all(bucket) });
    },
  });
  const count = keys.length + folders.length;
  const versioning = properties.data?.versioning;

  return (
    <>
      <Button variant="normal" disabled={count === 0} onClick={() => setOpen(true)}>
        Delete
      </Button>
      <StatusMessage className="text-gray-800">{mutation.data ? outcomeText(mutation.data) : ''}</StatusMessage>
      <ConfirmDialog
        open={open}
        title={`Delete ${count} ${count === 1 ? 'item' : 'items'}?`}
        confirmLabel="Delete objects"
        danger
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
      >
        <div className="space-y-3">
          <ul className="max-h-40 list-disc overflow-y-auto pl-5 font-mono break-all">
            {[...folders, ...keys].map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          {folders.length > 0 ? <p>Every object in the selected folders is deleted too.</p> : null}
          {versioning === 'Enabled' || versioning === 'Suspended' ? (
            <Alert title="Versioning is on for this bucket">
              <p>
                Deleting adds a <strong>delete marker</strong>: the objects disappear from the list, but every version stays (see the
                Versions tab) and can be restored by deleting the marker. To remove data for good, delete specific versions.
              </p>
            </Alert>
          ) : versioning === 'NeverEnabled' ? (
            <Alert tone="warning" title="This cannot be undone">
              <p>Versioning is not enabled on this bucket, so the objects are deleted permanently.</p>
            </Alert>
          ) : null}
          {mutation.error ? (
            <Alert tone="error" title="Nothing was deleted">
              <p>{mutation.error.message}</p>
            </Alert>
          ) : null}
          {mutation.data && mutation.data.failures.length > 0 ? (
            <Alert tone="error" title="Some objects were not deleted">
              <ul className="list-disc pl-5">
                {mutation.data.failures.map((failure) => (
                  <li key={failure.key}>
                    <span className="font-mono">{failure.key}</span>: {failure.message} ({failure.code})
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      </ConfirmDialog>
    </>
  );
}
