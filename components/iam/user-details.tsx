'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { deleteUserAction } from '@/app/iam/users/actions';
import { formatUtcDateTime } from '@/components/format-date';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { KeyValueList } from '@/components/ui/key-value-list';
import { unwrap } from '@/lib/actions/client';
import { iamKeys, userQuery, type IamUserDetails } from '@/lib/queries/iam';
import { DeletionSteps } from './deletion-steps';
import { LoadState } from './load-state';
import { MutationError } from './mutation-error';
import { UserAccessKeys } from './user-access-keys';
import { UserGroups } from './user-groups';

function DeleteUser({ user, onDeleted }: { user: IamUserDetails; onDeleted: (steps: string[]) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteUserAction({ userName: user.name }).then(unwrap),
    onSuccess: async ({ steps }) => {
      setOpen(false);
      onDeleted(steps);
      queryClient.removeQueries({ queryKey: iamKeys.user(user.name) });
      await queryClient.invalidateQueries({ queryKey: iamKeys.all });
    },
  });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete user
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete user ${user.name}?`}
        confirmLabel="Delete user"
        danger
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
      >
        <div className="space-y-3">
          <p>IAM deletes a user only once nothing belongs to it. The console will, in order:</p>
          <ol className="list-decimal pl-5">
            {user.accessKeys.map((key) => (
              <li key={key.accessKeyId}>Delete access key {key.accessKeyId}</li>
            ))}
            {user.groups.map((group) => (
              <li key={group}>Remove the user from group {group}</li>
            ))}
            {user.attachedPolicies.map((policy) => (
              <li key={policy.arn}>Detach policy {policy.name}</li>
            ))}
            {user.inlinePolicies.map((name) => (
              <li key={name}>Delete inline policy {name}</li>
            ))}
            <li>Delete the user</li>
          </ol>
          <MutationError title="The user was not deleted" error={mutation.error} />
        </div>
      </ConfirmDialog>
    </>
  );
}

export function UserDetails({ userName }: { userName: string }) {
  const [deletedSteps, setDeletedSteps] = useState<string[] | undefined>();
  const { data, error, isPending } = useQuery({ ...userQuery(userName), enabled: deletedSteps === undefined });
  if (deletedSteps) {
    return (
      <div className="space-y-3">
        <DeletionSteps title={`User ${userName} deleted`} steps={deletedSteps} />
        <Link href="/iam/users">Back to users</Link>
      </div>
    );
  }
  if (!data) return <LoadState what={`user ${userName}`} isPending={isPending} error={error} />;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <KeyValueList
          items={[
            { key: 'arn', label: 'ARN', value: <span className="font-mono">{data.arn}</span> },
            { key: 'created', label: 'Created', value: data.createDate ? formatUtcDateTime(data.createDate) : '—' },
            {
              key: 'policies',
              label: 'Policies attached to the user',
              value: data.attachedPolicies.length ? data.attachedPolicies.map((policy) => policy.name).join(', ') : 'None (permissions come from groups)',
            },
          ]}
        />
        <DeleteUser user={data} onDeleted={setDeletedSteps} />
      </div>
      <UserGroups user={data} />
      <UserAccessKeys user={data} />
    </div>
  );
}
