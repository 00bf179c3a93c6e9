'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteVersionAction } from '@/app/buckets/[bucket]/versions/actions';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/dialog';
import { unwrap } from '@/lib/actions/client';
import { objectKeys } from '@/lib/queries/objects';
import type { ObjectVersion } from '@/lib/queries/versions';

/** Permanently deletes one version or delete marker, after saying that S3 never replicates this delete. */
export function DeleteVersionDialog({
  bucket,
  version,
  onClose,
}: {
  bucket: string;
  version: ObjectVersion | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (target: ObjectVersion) => deleteVersionAction({ bucket, key: target.key, versionId: target.versionId }).then(unwrap),
    onSuccess: async () => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: objectKeys.all(bucket) });
    },
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={version !== undefined}
      title={version?.isDeleteMarker ? 'Delete this delete marker?' : 'Permanently delete this version?'}
      confirmLabel={version?.isDeleteMarker ? 'Delete marker' : 'Delete version'}
      danger
      pending={mutation.isPending}
      onConfirm={() => version && mutation.mutate(version)}
      onCancel={close}
    >
      {version ? (
        <div className="space-y-3">
          <p>
            <span className="font-mono break-all">{version.key}</span>, version <span className="font-mono break-all">{version.versionId}</span>
          </p>
          {version.isDeleteMarker ? (
            <p>Removing the delete marker{version.isLatest ? ' makes the previous version the current object again' : ''}.</p>
          ) : (
            <Alert tone="warning" title="This cannot be undone">
              <p>Deleting a specific version removes it for good.</p>
            </Alert>
          )}
          <p>
            S3 never replicates the deletion of a specific version: a copy in a destination bucket stays there.
          </p>
          {mutation.error ? (
            <Alert tone="error" title="Nothing was deleted">
              <p>{mutation.error.message}</p>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
