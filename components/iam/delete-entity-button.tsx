'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { unwrap } from '@/lib/actions/client';
import type { ActionResult } from '@/lib/actions/result';
import { iamKeys } from '@/lib/queries/iam';
import type { IamEntityKind } from './entity-kind';
import { MutationError } from './mutation-error';

type Props = {
  kind: IamEntityKind;
  name: string;
  /** The server action that deletes the entity and everything IAM makes us remove first. */
  deleteEntity: (name: string) => Promise<ActionResult<{ steps: string[] }>>;
  /** The queries that showed the entity (its own query is dropped, so nothing refetches it). */
  invalidates: QueryKey;
  onDeleted: (steps: string[]) => void;
  /** What deleting will do, shown in the confirmation. */
  children: ReactNode;
};

/** "Delete <kind>" with a confirmation that explains the cascade and shows why a delete failed. */
export function DeleteEntityButton({ kind, name, deleteEntity, invalidates, onDeleted, children }: Props) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteEntity(name).then(unwrap),
    onSuccess: async ({ steps }) => {
      setOpen(false);
      onDeleted(steps);
      queryClient.removeQueries({ queryKey: iamKeys[kind](name) });
      await queryClient.invalidateQueries({ queryKey: invalidates });
    },
  });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {`Delete ${kind}`}
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${kind} ${name}?`}
        confirmLabel={`Delete ${kind}`}
        danger
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
      >
        <div className="space-y-3">
          {children}
          <MutationError title={`The ${kind} was not deleted`} error={mutation.error} />
        </div>
      </ConfirmDialog>
    </>
  );
}
