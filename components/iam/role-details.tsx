'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { deleteRoleAction } from '@/app/iam/roles/actions';
import { formatUtcDateTime } from '@/components/format-date';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { ConfirmDialog } from '@/components/ui/dialog';
import { KeyValueList } from '@/components/ui/key-value-list';
import { unwrap } from '@/lib/actions/client';
import { iamKeys, roleQuery, type IamRoleDetails } from '@/lib/queries/iam';
import { DeletionSteps } from './deletion-steps';
import { LoadState } from './load-state';
import { MutationError } from './mutation-error';

function Policies({ role }: { role: IamRoleDetails }) {
  const all = [
    ...role.attachedPolicies.map((policy) => ({ ...policy, kind: 'Attached (managed)' })),
    ...role.inlinePolicies.map((policy) => ({ ...policy, kind: 'Inline' })),
  ];
  if (all.length === 0) return <p className="text-sm text-gray-700">No permission policies.</p>;
  return (
    <ul className="space-y-4">
      {all.map((policy) => (
        <li key={`${policy.kind}:${policy.name}`} className="space-y-1">
          <h4 className="text-sm font-bold">
            {policy.name} <span className="font-normal text-gray-700">· {policy.kind}</span>
          </h4>
          {policy.arn ? <p className="font-mono text-xs text-gray-700">{policy.arn}</p> : null}
          <CodeBlock code={policy.document || '(empty document)'} copyLabel={`Copy policy ${policy.name}`} />
        </li>
      ))}
    </ul>
  );
}

function DeleteRole({ role, onDeleted }: { role: IamRoleDetails; onDeleted: (steps: string[]) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteRoleAction({ roleName: role.name }).then(unwrap),
    onSuccess: async ({ steps }) => {
      setOpen(false);
      onDeleted(steps);
      queryClient.removeQueries({ queryKey: iamKeys.role(role.name) });
      await queryClient.invalidateQueries({ queryKey: iamKeys.roles() });
    },
  });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete role
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete role ${role.name}?`}
        confirmLabel="Delete role"
        danger
        pending={mutation.isPending}
        onConfirm={() => mutation.mutate()}
        onCancel={() => {
          setOpen(false);
          mutation.reset();
        }}
      >
        <div className="space-y-3">
          <p>IAM deletes a role only once nothing is attached to it. The console will, in order:</p>
          <ol className="list-decimal pl-5">
            {role.attachedPolicies.map((policy) => (
              <li key={policy.name}>Detach policy {policy.name}</li>
            ))}
            {role.inlinePolicies.map((policy) => (
              <li key={policy.name}>Delete inline policy {policy.name}</li>
            ))}
            <li>Delete the role (replication rules that use it will then fail)</li>
          </ol>
          <MutationError title="The role was not deleted" error={mutation.error} />
        </div>
      </ConfirmDialog>
    </>
  );
}

export function RoleDetails({ roleName }: { roleName: string }) {
  const [deletedSteps, setDeletedSteps] = useState<string[] | undefined>();
  const { data, error, isPending } = useQuery({ ...roleQuery(roleName), enabled: deletedSteps === undefined });
  if (deletedSteps) {
    return (
      <div className="space-y-3">
        <DeletionSteps title={`Role ${roleName} deleted`} steps={deletedSteps} />
        <Link href="/iam/roles">Back to roles</Link>
      </div>
    );
  }
  if (!data) return <LoadState what={`role ${roleName}`} isPending={isPending} error={error} />;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <KeyValueList
          items={[
            { key: 'arn', label: 'ARN', value: <span className="font-mono">{data.arn}</span> },
            { key: 'path', label: 'Path', value: data.path },
            { key: 'created', label: 'Created', value: data.createDate ? formatUtcDateTime(data.createDate) : '—' },
            { key: 'description', label: 'Description', value: data.description ?? '—' },
          ]}
        />
        <DeleteRole role={data} onDeleted={setDeletedSteps} />
      </div>
      <section aria-labelledby="trust-heading" className="space-y-2">
        <h3 id="trust-heading" className="text-base font-bold">
          Trust policy
        </h3>
        <p className="text-sm text-gray-700">Who may assume this role.</p>
        <CodeBlock code={data.trustPolicy || '(none)'} copyLabel="Copy trust policy" />
      </section>
      <section aria-labelledby="permissions-heading" className="space-y-2">
        <h3 id="permissions-heading" className="text-base font-bold">
          Permission policies
        </h3>
        <Policies role={data} />
      </section>
    </div>
  );
}
