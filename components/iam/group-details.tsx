'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { deleteGroupAction } from '@/app/iam/groups/actions';
import { formatUtcDateTime } from '@/components/format-date';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { KeyValueList } from '@/components/ui/key-value-list';
import { unwrap } from '@/lib/actions/client';
import { groupQuery, iamKeys, type IamGroupDetails } from '@/lib/queries/iam';
import { DeletionSteps } from './deletion-steps';
import { GroupPolicies } from './group-policies';
import { LoadState } from './load-state';
import { MutationError } from './mutation-error';

function DeleteGroup({ group, onDeleted }: { group: IamGroupDetails; onDeleted: (steps: string[]) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteGroupAction({ groupName: group.name }).then(unwrap),
    onSuccess: async ({ steps }) => {
      setOpen(false);
      onDeleted(steps);
      queryClient.removeQueries({ queryKey: iamKeys.group(group.name) });
      await queryClient.invalidateQueries({ queryKey: iamKeys.all });
    },
  });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete group
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete group ${group.name}?`}
        confirmLabel="Delete group"
        danger
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
      >
        <div className="space-y-3">
          <p>
            The users stay, but lose the permissions this group gave them. The console first removes {group.members.length}{' '}
            {group.members.length === 1 ? 'member' : 'members'} and detaches {group.attachedPolicies.length}{' '}
            {group.attachedPolicies.length === 1 ? 'policy' : 'policies'}, as IAM requires.
          </p>
          <MutationError title="The group was not deleted" error={mutation.error} />
        </div>
      </ConfirmDialog>
    </>
  );
}

export function GroupDetails({ groupName }: { groupName: string }) {
  const [deletedSteps, setDeletedSteps] = useState<string[] | undefined>();
  const { data, error, isPending } = useQuery({ ...groupQuery(groupName), enabled: deletedSteps === undefined });
  if (deletedSteps) {
    return (
      <div className="space-y-3">
        <DeletionSteps title={`Group ${groupName} deleted`} steps={deletedSteps} />
        <Link href="/iam/groups">Back to groups</Link>
      </div>
    );
  }
  if (!data) return <LoadState what={`group ${groupName}`} isPending={isPending} error={error} />;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <KeyValueList
          items={[
            { key: 'arn', label: 'ARN', value: <span className="font-mono">{data.arn}</span> },
            { key: 'created', label: 'Created', value: data.createDate ? formatUtcDateTime(data.createDate) : '—' },
          ]}
        />
        <DeleteGroup group={data} onDeleted={setDeletedSteps} />
      </div>
      <GroupPolicies group={data} />
      <section aria-labelledby="members-heading" className="space-y-2">
        <h3 id="members-heading" className="text-base font-bold">
          Users in this group ({data.members.length})
        </h3>
        {data.members.length === 0 ? (
          <p className="text-sm text-gray-700">
            No users. Add one from its page under <Link href="/iam/users">Users</Link>.
          </p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {data.members.map((member) => (
              <li key={member}>
                <Link href={`/iam/users/${encodeURIComponent(member)}`}>{member}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
