'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/select';
import { isActionError } from '@/lib/actions/client';
import { replicationRolesQuery } from '@/lib/queries/replication';
import type { BucketReplicationView } from '@/lib/replication-console/views';
import type { useRuleChange } from './use-rule-change';

/** The configuration-level settings: the IAM role S3 assumes for every rule of the bucket. */
export function GlobalSettingsDialog({
  view,
  change,
  onClose,
}: {
  view: BucketReplicationView;
  change: ReturnType<typeof useRuleChange>;
  onClose: () => void;
}) {
  const roles = useQuery(replicationRolesQuery());
  const current = view.configuration?.Role ?? '';
  const [roleArn, setRoleArn] = useState(current);
  const options = (roles.data?.roles ?? []).map((role) => ({
    value: role.arn,
    label: `${role.name}${role.trustsS3 ? '' : ' (S3 cannot assume it)'}`,
  }));
  if (current && !options.some((option) => option.value === current)) options.unshift({ value: current, label: current });
  return (
    <Dialog
      open
      onClose={onClose}
      title="Edit global settings"
      footer={
        <>
          <Button variant="link" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            pending={change.isPending}
            disabled={roleArn === current}
            onClick={() =>
              change.mutate({ kind: 'role', bucket: view.bucket, expectedFingerprint: view.fingerprint ?? '', roleArn }, { onSuccess: onClose })
            }
          >
            Save
          </Button>
        </>
      }
    >
      <div className="space-y-2">
        <Select
          label="IAM role for every rule of this bucket"
          options={options}
          value={roleArn}
          errors={isActionError(change.error) ? change.error.fieldErrors.roleArn : undefined}
          onChange={(event) => setRoleArn(event.target.value)}
        />
        <p className="text-gray-700">The role must trust s3.amazonaws.com and allow replication between these buckets.</p>
        {change.error ? <p className="text-red-700">{change.error.message}</p> : null}
      </div>
    </Dialog>
  );
}
