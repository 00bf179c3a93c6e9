'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createUserAction } from '@/app/iam/users/actions';
import { CheckboxField } from '@/components/bucket/checkbox-field';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { StatusMessage } from '@/components/ui/status-message';
import { unwrap } from '@/lib/actions/client';
import { groupsQuery, iamKeys } from '@/lib/queries/iam';
import { fieldErrors, MutationError } from './mutation-error';
import { NewAccessKeyPanel } from './new-access-key-panel';

/** Add user: name, programmatic access (an access key, shown once) and groups to join. */
export function CreateUserForm() {
  const queryClient = useQueryClient();
  const groups = useQuery(groupsQuery());
  const [userName, setUserName] = useState('');
  const [programmaticAccess, setProgrammaticAccess] = useState(true);
  const [chosenGroups, setChosenGroups] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: () => createUserAction({ userName, programmaticAccess, groups: chosenGroups }).then(unwrap),
    onSuccess: async () => {
      setUserName('');
      setChosenGroups([]);
      await queryClient.invalidateQueries({ queryKey: iamKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  function toggleGroup(name: string, checked: boolean) {
    setChosenGroups((current) => (checked ? [...current, name] : current.filter((group) => group !== name)));
  }

  return (
    <section aria-labelledby="create-user-heading" className="space-y-3 rounded-xl border border-line bg-white p-4">
      <h2 id="create-user-heading" className="text-lg font-bold">
        Add user
      </h2>
      {mutation.data?.accessKey ? <NewAccessKeyPanel accessKey={mutation.data.accessKey} onDone={() => mutation.reset()} /> : null}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Input
          label="User name"
          hint="Letters, numbers and + = , . @ _ - ; up to 64 characters."
          value={userName}
          autoComplete="off"
          errors={fieldErrors(mutation.error, 'userName')}
          onChange={(event) => setUserName(event.target.value)}
        />
        <CheckboxField
          label="Programmatic access"
          hint="Creates an access key ID and secret access key for the AWS CLI and SDKs."
          checked={programmaticAccess}
          onChange={(event) => setProgrammaticAccess(event.target.checked)}
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-bold">Add user to groups</legend>
          {groups.data?.length ? (
            groups.data.map((group) => (
              <label key={group.name} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={chosenGroups.includes(group.name)} onChange={(event) => toggleGroup(group.name, event.target.checked)} />
                {group.name}
              </label>
            ))
          ) : (
            <p className="text-sm text-gray-700">{groups.isPending ? 'Loading groups…' : 'No groups yet (create one under Groups).'}</p>
          )}
        </fieldset>
        <MutationError title="The user was not created" error={mutation.error} />
        <StatusMessage>{mutation.data ? `User ${mutation.data.user.name} created.` : ''}</StatusMessage>
        <Button type="submit" variant="primary" pending={mutation.isPending}>
          Create user
        </Button>
      </form>
    </section>
  );
}
