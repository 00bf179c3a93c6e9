'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { addUserToGroupAction, removeUserFromGroupAction } from '@/app/iam/users/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { unwrap } from '@/lib/actions/client';
import { groupsQuery, iamKeys, type IamUserDetails } from '@/lib/queries/iam';
import { fieldErrors, MutationError } from './mutation-error';

export function UserGroups({ user }: { user: IamUserDetails }) {
  const queryClient = useQueryClient();
  const groups = useQuery(groupsQuery());
  const [groupName, setGroupName] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: iamKeys.all });
  const add = useMutation({
    mutationFn: () => addUserToGroupAction({ userName: user.name, groupName }).then(unwrap),
    onSuccess: async () => {
      setGroupName('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (name: string) => removeUserFromGroupAction({ userName: user.name, groupName: name }).then(unwrap),
    onSuccess: refresh,
  });
  const available = (groups.data ?? []).filter((group) => !user.groups.includes(group.name));

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <section aria-labelledby="groups-heading" className="space-y-3">
      <h3 id="groups-heading" className="text-base font-bold">
        Groups
      </h3>
      {user.groups.length === 0 ? (
        <p className="text-sm text-gray-700">Not in any group.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {user.groups.map((name) => (
            <li key={name} className="flex items-center gap-2">
              <Link href={`/iam/groups/${encodeURIComponent(name)}`}>{name}</Link>
              <Button variant="link" onClick={() => remove.mutate(name)} pending={remove.isPending && remove.variables === name} aria-label={`Remove from group ${name}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <MutationError title="The user was not removed from the group" error={remove.error} />
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <Select
          label="Add to group"
          placeholder={available.length ? 'Choose a group' : 'No other groups'}
          options={available.map((group) => ({ value: group.name, label: group.name }))}
          value={groupName}
          errors={fieldErrors(add.error, 'groupName')}
          onChange={(event) => setGroupName(event.target.value)}
        />
        <Button type="submit" pending={add.isPending} disabled={!groupName}>
          Add to group
        </Button>
      </form>
      <MutationError title="The user was not added to the group" error={add.error} />
    </section>
  );
}
