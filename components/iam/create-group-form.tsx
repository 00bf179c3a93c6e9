'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { createGroupAction } from '@/app/iam/groups/actions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { StatusMessage } from '@/components/ui/status-message';
import { unwrap } from '@/lib/actions/client';
import { iamKeys } from '@/lib/queries/iam';
import { fieldErrors, MutationError } from './mutation-error';

export function CreateGroupForm() {
  const queryClient = useQueryClient();
  const [groupName, setGroupName] = useState('');
  const mutation = useMutation({
    mutationFn: () => createGroupAction({ groupName }).then(unwrap),
    onSuccess: async () => {
      setGroupName('');
      await queryClient.invalidateQueries({ queryKey: iamKeys.groups() });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <section aria-labelledby="create-group-heading" className="space-y-3 rounded-xl border border-line bg-white p-4">
      <h2 id="create-group-heading" className="text-lg font-bold">
        Create group
      </h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" noValidate>
        <Input
          label="Group name"
          value={groupName}
          autoComplete="off"
          errors={fieldErrors(mutation.error, 'groupName')}
          onChange={(event) => setGroupName(event.target.value)}
        />
        <Button type="submit" variant="primary" pending={mutation.isPending}>
          Create group
        </Button>
      </form>
      <MutationError title="The group was not created" error={mutation.error} />
      <StatusMessage>
        {mutation.data ? (
          <>
            Group <Link href={`/iam/groups/${encodeURIComponent(mutation.data.name)}`}>{mutation.data.name}</Link> created: open it to
            attach policies.
          </>
        ) : null}
      </StatusMessage>
    </section>
  );
}
