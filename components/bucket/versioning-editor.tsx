'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { setBucketVersioningAction } from '@/app/buckets/[bucket]/properties/actions';
import { VersioningBadge } from '@/components/buckets/versioning-badge';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { isActionError, unwrap } from '@/lib/actions/client';
import type { BucketProperties } from '@/lib/queries/bucket';
import { bucketKeys } from '@/lib/queries/buckets';

type Choice = 'Enabled' | 'Suspended';

/** Bucket Versioning: Enable / Suspend, with S3's constraints said before and its refusal shown after. */
export function VersioningEditor({ properties }: { properties: BucketProperties }) {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>(properties.versioning === 'Suspended' ? 'Suspended' : 'Enabled');
  const mutation = useMutation({
    mutationFn: (status: Choice) => setBucketVersioningAction({ bucket: properties.name, status }).then(unwrap),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bucketKeys.all }),
  });
  const neverEnabled = properties.versioning === 'NeverEnabled';

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(choice);
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <p className="text-sm">
        Current state: <VersioningBadge state={properties.versioning} />
      </p>
      <fieldset className="space-y-2">
        <legend className="text-sm font-bold">Bucket Versioning</legend>
        {(['Enabled', 'Suspended'] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="versioning"
              value={value}
              checked={choice === value}
              disabled={value === 'Suspended' && neverEnabled}
              onChange={() => setChoice(value)}
            />
            {value === 'Enabled' ? 'Enable' : 'Suspend'}
          </label>
        ))}
      </fieldset>
      <ul className="list-disc space-y-1 pl-5 text-sm text-gray-700">
        <li>Once enabled, versioning can be suspended but never turned off: existing versions stay.</li>
        <li>Replication needs versioning enabled on both the source and the destination bucket.</li>
        {properties.replicationRules > 0 ? (
          <li>
            This bucket has a replication configuration ({properties.replicationRules}{' '}
            {properties.replicationRules === 1 ? 'rule' : 'rules'}): S3 refuses to suspend versioning until it is deleted.
          </li>
        ) : null}
      </ul>
      {mutation.error ? (
        <Alert tone="error" title="Versioning was not changed">
          <p>
            {mutation.error.message}
            {isActionError(mutation.error) ? <span className="text-gray-700"> ({mutation.error.code})</span> : null}
          </p>
        </Alert>
      ) : null}
      <StatusMessage>{mutation.isSuccess ? `Versioning is now ${mutation.data.status === 'Enabled' ? 'enabled' : 'suspended'}.` : ''}</StatusMessage>
      <Button type="submit" variant="primary" pending={mutation.isPending}>
        Save changes
      </Button>
    </form>
  );
}
