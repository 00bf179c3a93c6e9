'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { attachGroupPolicyAction, detachGroupPolicyAction } from '@/app/iam/groups/actions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { unwrap } from '@/lib/actions/client';
import { iamKeys, managedPoliciesQuery, type IamGroupDetails } from '@/lib/queries/iam';
import { fieldErrors, MutationError } from './mutation-error';

/** Managed policies attached to the group, and a picker (filterable) of AWS-managed and customer policies. */
export function GroupPolicies({ group }: { group: IamGroupDetails }) {
  const queryClient = useQueryClient();
  const policies = useQuery(managedPoliciesQuery());
  const [filter, setFilter] = useState('');
  const [policyArn, setPolicyArn] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: iamKeys.group(group.name) });
  const attach = useMutation({
    mutationFn: () => attachGroupPolicyAction({ groupName: group.name, policyArn }).then(unwrap),
    onSuccess: async () => {
      setPolicyArn('');
      await refresh();
    },
  });
  const detach = useMutation({
    mutationFn: (arn: string) => detachGroupPolicyAction({ groupName: group.name, policyArn: arn }).then(unwrap),
    onSuccess: refresh,
  });

  const attached = new Set(group.attachedPolicies.map((policy) => policy.arn));
  const needle = filter.trim().toLowerCase();
  const options = (policies.data ?? [])
    .filter((policy) => !attached.has(policy.arn) && (needle === '' || policy.name.toLowerCase().includes(needle)))
    .slice(0, 200)
    .map((policy) => ({ value: policy.arn, label: `${policy.name} (${policy.awsManaged ? 'AWS managed' : 'Customer managed'})` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    attach.mutate();
  }

  return (
    <section aria-labelledby="policies-heading" className="space-y-3">
      <h3 id="policies-heading" className="text-base font-bold">
        Permission policies
      </h3>
      {group.attachedPolicies.length === 0 ? (
        <p className="text-sm text-gray-700">No policies attached: members get no permissions from this group.</p>
      ) : (
        <Table caption="Attached policies" captionHidden>
          <THead>
            <tr>
              <Th>Policy name</Th>
              <Th>ARN</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {group.attachedPolicies.map((policy) => (
              <Tr key={policy.arn}>
                <Td className="font-bold">{policy.name}</Td>
                <Td className="font-mono text-xs">{policy.arn}</Td>
                <Td>
                  <Button
                    variant="link"
                    onClick={() => detach.mutate(policy.arn)}
                    pending={detach.isPending && detach.variables === policy.arn}
                    aria-label={`Detach ${policy.name}`}
                  >
                    Detach
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <MutationError title="The policy was not detached" error={detach.error} />
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <Input label="Filter policies" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="AdministratorAccess" />
        <Select
          label="Policy"
          placeholder={policies.isPending ? 'Loading policies…' : options.length ? 'Choose a policy' : 'No policy matches'}
          options={options}
          value={policyArn}
          errors={fieldErrors(attach.error, 'policyArn')}
          onChange={(event) => setPolicyArn(event.target.value)}
        />
        <Button type="submit" variant="primary" pending={attach.isPending} disabled={!policyArn}>
          Attach policy
        </Button>
      </form>
      <MutationError title="The policy was not attached" error={attach.error ?? policies.error} />
    </section>
  );
}
