'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { replicationRolesQuery } from '@/lib/queries/replication';
import { roleNameFor } from '@/lib/replication/policy';
import { Checkbox, FormSection, RadioGroup } from '../choice';
import { setDraft, type StepProps } from './step-props';

function RolePicker({ draft, dispatch, errors }: StepProps) {
  const roles = useQuery(replicationRolesQuery());
  if (roles.isError) {
    return (
      <Alert tone="error" title="Could not list the IAM roles">
        {roles.error.message}
      </Alert>
    );
  }
  const options = (roles.data?.roles ?? []).map((role) => ({
    value: role.arn,
    label: `${role.name}${role.trustsS3 ? '' : ' (S3 cannot assume it)'}`,
  }));
  if (draft.roleArn && !options.some((option) => option.value === draft.roleArn)) {
    options.unshift({ value: draft.roleArn, label: draft.roleArn });
  }
  return (
    <div className="space-y-2">
      <Select
        label="Existing IAM role"
        placeholder={roles.isPending ? 'Loading roles…' : 'Choose a role'}
        options={options}
        value={draft.roleArn}
        errors={errors['role.arn']}
        onChange={(event) => setDraft(dispatch, { roleArn: event.target.value })}
      />
      <Checkbox
        label="Add the missing permissions to this role"
        hint="If the role lacks any permission these rules need, Save adds exactly those statements as an inline policy. The Review step lists them."
        checked={draft.addMissingPermissions}
        onChange={(addMissingPermissions) => setDraft(dispatch, { addMissingPermissions })}
      />
    </div>
  );
}

export function StepOptions(props: StepProps & { currentRole: string | null }) {
  const { draft, dispatch, errors, currentRole } = props;
  const newRoleName = draft.destinationBucket ? roleNameFor(draft.sourceBucket, draft.destinationBucket) : '';
  const changesRole = currentRole !== null && (draft.roleKind === 'new' || draft.roleArn !== currentRole);
  return (
    <div className="space-y-4">
      <FormSection title="IAM role">
        <RadioGroup
          legend="Role that S3 assumes to replicate"
          name="role-kind"
          value={draft.roleKind}
          onChange={(roleKind) => setDraft(dispatch, { roleKind })}
          options={[
            {
              value: 'new',
              label: 'Create new role',
              hint: newRoleName
                ? `${newRoleName}, with a permission policy limited to these buckets (reused if it already exists).`
                : 'Named after the source and destination buckets.',
            },
            { value: 'existing', label: 'Choose an existing role' },
          ]}
        />
        {errors.role ? <p className="text-sm text-red-700">{errors.role.join(' ')}</p> : null}
        {draft.roleKind === 'existing' ? <RolePicker {...props} /> : null}
        {changesRole ? (
          <Alert tone="warning" title="The role applies to every rule of this bucket">
            A bucket&apos;s replication configuration has one IAM role. Saving with a different role replaces {currentRole} for all
            of its rules.
          </Alert>
        ) : null}
      </FormSection>
      <FormSection title="Rule">
        <Input
          label="Rule name"
          hint="Unique within the bucket; up to 255 ASCII characters."
          value={draft.ruleName}
          errors={errors.ruleName}
          onChange={(event) => setDraft(dispatch, { ruleName: event.target.value })}
        />
        <RadioGroup
          legend="Status"
          name="status"
          value={draft.status}
          onChange={(status) => setDraft(dispatch, { status })}
          options={[
            { value: 'Enabled', label: 'Enabled' },
            { value: 'Disabled', label: 'Disabled' },
          ]}
        />
        <Input
          label="Priority"
          hint="When rules overlap and share a destination, the highest priority wins. Prefilled with the next free one."
          inputMode="numeric"
          value={draft.priority}
          errors={errors.priority}
          onChange={(event) => setDraft(dispatch, { priority: event.target.value })}
        />
      </FormSection>
    </div>
  );
}
