'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { deleteObjectsAction } from '@/app/buckets/[bucket]/objects/actions';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/dialog';
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

/**
 * The dialog of DeleteObjectsDialog. Stays mounted once opened (closing the native dialog hands focus back);
 * reports the text of the latest outcome ('' for none) to its trigger.
 */
export function DeleteObjectsForm({
  bucket,
  keys,
  folders,
  open,
  onClose,
  onDone,
  onOutcome,
}: {
  bucket: string;
  keys: readonly string[];
  folders: readonly string[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  onOutcome: (text: string) => void;
}) {
  const queryClient = useQueryClient();
  const properties = useQuery({ ...bucketPropertiesQuery(bucket), enabled: open });
  const mutation = useMutation({
    mutationFn: () => deleteObjectsAction({ bucket, keys: [...keys], folders: [...folders] }).then(unwrap),
    onSuccess: async (outcome) => {
      if (outcome.failures.length === 0) onClose();
      onDone();
      await queryClient.invalidateQueries({ queryKey: objectKeys.all(bucket) });
    },
  });
  useEffect(() => onOutcome(mutation.data ? outcomeText(mutation.data) : ''), [mutation.data, onOutcome]);
  const count = keys.length + folders.length;
  const versioning = properties.data?.versioning;

  return (
    <ConfirmDialog
      open={open}
      title={`Delete ${count} ${count === 1 ? 'item' : 'items'}?`}
      confirmLabel="Delete objects"
      danger
      pending={mutation.isPending}
      onConfirm={() => mutation.mutate()}
      onCancel={() => {
        onClose();
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
  );
}
