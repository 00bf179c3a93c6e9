'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createAccessKeyAction, deleteAccessKeyAction, setAccessKeyStatusAction } from '@/app/iam/users/actions';
import { formatUtcDateTime } from '@/components/format-date';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { unwrap } from '@/lib/actions/client';
import { iamKeys, type AccessKeySummary, type IamUserDetails } from '@/lib/queries/iam';
import { MutationError } from './mutation-error';
import { NewAccessKeyPanel } from './new-access-key-panel';

/** IAM allows two access keys per user. */
const MAX_KEYS = 2;

export function UserAccessKeys({ user }: { user: IamUserDetails }) {
  const queryClient = useQueryClient();
  const [toDelete, setToDelete] = useState<AccessKeySummary | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: iamKeys.user(user.name) });
  const create = useMutation({ mutationFn: () => createAccessKeyAction({ userName: user.name }).then(unwrap), onSuccess: refresh });
  const setStatus = useMutation({
    mutationFn: (key: AccessKeySummary) =>
      setAccessKeyStatusAction({ userName: user.name, accessKeyId: key.accessKeyId, status: key.status === 'Active' ? 'Inactive' : 'Active' }).then(unwrap),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (key: AccessKeySummary) => deleteAccessKeyAction({ userName: user.name, accessKeyId: key.accessKeyId }).then(unwrap),
    onSuccess: async () => {
      setToDelete(undefined);
      await refresh();
    },
  });

  return (
    <section aria-labelledby="keys-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="keys-heading" className="text-base font-bold">
          Access keys
        </h3>
        <Button onClick={() => create.mutate()} pending={create.isPending} disabled={user.accessKeys.length >= MAX_KEYS}>
          Create access key
        </Button>
      </div>
      {user.accessKeys.length >= MAX_KEYS ? <p className="text-sm text-gray-700">A user can have at most two access keys: delete one to create another.</p> : null}
      {create.data ? <NewAccessKeyPanel accessKey={create.data} onDone={() => create.reset()} /> : null}
      <MutationError title="No access key was created" error={create.error} />
      <MutationError title="The key's status was not changed" error={setStatus.error} />
      {user.accessKeys.length === 0 ? (
        <p className="text-sm text-gray-700">No access keys.</p>
      ) : (
        <Table caption="Access keys" captionHidden>
          <THead>
            <tr>
              <Th>Access key ID</Th>
              <Th>Status</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {user.accessKeys.map((key) => (
              <Tr key={key.accessKeyId}>
                <Td className="font-mono">{key.accessKeyId}</Td>
                <Td>
                  <Badge tone={key.status === 'Active' ? 'success' : 'neutral'}>{key.status}</Badge>
                </Td>
                <Td className="whitespace-nowrap">{key.createDate ? formatUtcDateTime(key.createDate) : '—'}</Td>
                <Td className="whitespace-nowrap">
                  <Button
                    variant="link"
                    pending={setStatus.isPending && setStatus.variables?.accessKeyId === key.accessKeyId}
                    onClick={() => setStatus.mutate(key)}
                    aria-label={`${key.status === 'Active' ? 'Deactivate' : 'Activate'} ${key.accessKeyId}`}
                  >
                    {key.status === 'Active' ? 'Deactivate' : 'Activate'}
                  </Button>
                  <Button variant="link" className="text-red-700" onClick={() => setToDelete(key)} aria-label={`Delete ${key.accessKeyId}`}>
                    Delete
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={toDelete !== undefined}
        title="Delete access key?"
        confirmLabel="Delete access key"
        danger
        pending={remove.isPending}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onCancel={() => {
          setToDelete(undefined);
          remove.reset();
        }}
      >
        <div className="space-y-3">
          <p>
            Programs that sign with <span className="font-mono">{toDelete?.accessKeyId}</span> stop working at once. To check first,
            deactivate the key instead: that can be undone.
          </p>
          <MutationError title="The key was not deleted" error={remove.error} />
        </div>
      </ConfirmDialog>
    </section>
  );
}
