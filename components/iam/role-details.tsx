'use client';

import { deleteRoleAction } from '@/app/iam/roles/actions';
import { CodeBlock } from '@/components/ui/code-block';
import type { KeyValueItem } from '@/components/ui/key-value-list';
import { iamKeys, roleQuery, type IamRoleDetails } from '@/lib/queries/iam';
import { arnFact, createdFact, IamEntityDetails, type EntityDeletion } from './entity-details';

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

function roleFacts(role: IamRoleDetails): KeyValueItem[] {
  return [
    arnFact(role.arn),
    { key: 'path', label: 'Path', value: role.path },
    createdFact(role.createDate),
    { key: 'description', label: 'Description', value: role.description ?? '—' },
  ];
}

const roleDeletion: EntityDeletion<IamRoleDetails> = {
  action: (roleName) => deleteRoleAction({ roleName }),
  invalidates: iamKeys.roles(),
  plan: (role) => (
    <>
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
    </>
  ),
};

export function RoleDetails({ roleName }: { roleName: string }) {
  return (
    <IamEntityDetails kind="role" name={roleName} query={roleQuery(roleName)} facts={roleFacts} deletion={roleDeletion}>
      {(role) => (
        <>
          <section aria-labelledby="trust-heading" className="space-y-2">
            <h3 id="trust-heading" className="text-base font-bold">
              Trust policy
            </h3>
            <p className="text-sm text-gray-700">Who may assume this role.</p>
            <CodeBlock code={role.trustPolicy || '(none)'} copyLabel="Copy trust policy" />
          </section>
          <section aria-labelledby="permissions-heading" className="space-y-2">
            <h3 id="permissions-heading" className="text-base font-bold">
              Permission policies
            </h3>
            <Policies role={role} />
          </section>
        </>
      )}
    </IamEntityDetails>
  );
}
