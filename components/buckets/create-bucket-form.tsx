'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createBucketAction } from '@/app/buckets/actions';
import { CheckboxField } from '@/components/bucket/checkbox-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { isActionError, unwrap } from '@/lib/actions/client';
import { bucketKeys } from '@/lib/queries/buckets';
import { validateBucketName } from '@/lib/s3/bucket-name';
import { REGION_OPTIONS } from './create-bucket-regions';

type Draft = { name: string; region: string; versioning: boolean };
const EMPTY_DRAFT: Draft = { name: '', region: '', versioning: false };

/**
 * The "Create bucket" dialog: name checked as S3 checks it while typing, region, and versioning (needed for
 * replication). Stays mounted once opened, so a draft survives closing and reopening.
 */
export function CreateBucketForm({
  open,
  defaultRegion,
  onClose,
  onCreated,
}: {
  open: boolean;
  defaultRegion?: string;
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ ...EMPTY_DRAFT, region: defaultRegion ?? '' });
  const [nameTouched, setNameTouched] = useState(false);

  const mutation = useMutation({
    mutationFn: (input: Draft) => createBucketAction(input).then(unwrap),
    onSuccess: async (bucket) => {
      onCreated(bucket.name);
      setDraft({ ...EMPTY_DRAFT, region: defaultRegion ?? '' });
      setNameTouched(false);
      await queryClient.invalidateQueries({ queryKey: bucketKeys.all });
    },
  });

  const serverErrors = isActionError(mutation.error) ? mutation.error.fieldErrors : {};
  const nameErrors = [...new Set([...(nameTouched ? validateBucketName(draft.name) : []), ...(serverErrors.name ?? [])])];
  const failure = mutation.error && !(isActionError(mutation.error) && mutation.error.code === 'InvalidInput') ? mutation.error : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setNameTouched(true);
    if (validateBucketName(draft.name).length > 0) return;
    mutation.mutate(draft);
  }

  function close() {
    onClose();
    mutation.reset();
  }

  return (
    <Dialog open={open} onClose={close} title="Create bucket">
      <form className="space-y-4" onSubmit={submit} noValidate>
        <Input
          label="Bucket name"
          name="name"
          autoComplete="off"
          spellCheck={false}
          hint="3 to 63 characters: lowercase letters, numbers, periods and hyphens; unique across all of S3."
          value={draft.name}
          errors={nameErrors}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          onBlur={() => setNameTouched(draft.name.length > 0)}
        />
        <Select
          label="AWS Region"
          name="region"
          placeholder="Choose an AWS Region"
          options={REGION_OPTIONS}
          value={draft.region}
          errors={serverErrors.region}
          onChange={(event) => setDraft({ ...draft, region: event.target.value })}
          required
        />
        <CheckboxField
          label="Enable versioning"
          hint="Keeps every version of every object. Replication needs versioning on both the source and the destination bucket."
          checked={draft.versioning}
          onChange={(event) => setDraft({ ...draft, versioning: event.target.checked })}
        />
        {failure ? (
          <Alert tone="error" title="The bucket was not created">
            <p>
              {failure.message}
              {isActionError(failure) ? <span className="text-gray-700"> ({failure.code})</span> : null}
            </p>
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="link" onClick={close} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" pending={mutation.isPending}>
            Create bucket
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
