'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { putBucketTagsAction } from '@/app/buckets/[bucket]/properties/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { StatusMessage } from '@/components/ui/status-message';
import { isActionError, unwrap } from '@/lib/actions/client';
import { bucketKeys } from '@/lib/queries/buckets';
import { TAG_LIMITS, validateTagSet, type S3Tag } from '@/lib/s3/tags';

type Row = S3Tag & { id: number };

/** Edit the bucket's tag set (up to 50 tags); the whole set is saved at once, as PutBucketTagging replaces it. */
export function BucketTagsEditor({ bucket, tags }: { bucket: string; tags: readonly S3Tag[] }) {
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => tags.map((tag, index) => ({ ...tag, id: index })));
  const [nextId, setNextId] = useState(tags.length);
  const mutation = useMutation({
    mutationFn: (set: S3Tag[]) => putBucketTagsAction({ bucket, tags: set }).then(unwrap),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bucketKeys.all }),
  });

  const set = rows.map(({ Key, Value }) => ({ Key, Value }));
  const issues = validateTagSet(set, 'bucket');
  const serverErrors = isActionError(mutation.error) ? mutation.error.fieldErrors : {};
  const rowErrors = (index: number) => [
    ...new Set([...issues.filter((issue) => issue.index === index).map((issue) => issue.message), ...(serverErrors[`tags.${index}`] ?? [])]),
  ];
  const setErrors = issues.filter((issue) => issue.index === undefined).map((issue) => issue.message);

  function change(id: number, field: 'Key' | 'Value', value: string) {
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [field]: value } : row)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (issues.length === 0) mutation.mutate(set);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {rows.length === 0 ? <p className="text-sm text-gray-700">No tags.</p> : null}
      <ul className="space-y-3">
        {rows.map((row, index) => {
          const errors = rowErrors(index);
          // S3's texts name the part at fault ("TagValue …"); everything else concerns the key or the set.
          const valueErrors = errors.filter((error) => error.includes('TagValue'));
          const keyErrors = errors.filter((error) => !error.includes('TagValue'));
          return (
            <li key={row.id} className="flex flex-wrap items-start gap-3">
              <Input
                label={`Tag ${index + 1} key`}
                value={row.Key}
                errors={keyErrors}
                onChange={(event) => change(row.id, 'Key', event.target.value)}
              />
              <Input
                label={`Tag ${index + 1} value`}
                value={row.Value}
                errors={valueErrors}
                onChange={(event) => change(row.id, 'Value', event.target.value)}
              />
              <Button variant="link" className="mt-6" onClick={() => setRows((current) => current.filter((other) => other.id !== row.id))}>
                Remove tag {index + 1}
              </Button>
            </li>
          );
        })}
      </ul>
      {setErrors.map((error) => (
        <p key={error} className="text-sm text-red-700">
          {error}
        </p>
      ))}
      <div className="flex gap-2">
        <Button
          disabled={rows.length >= TAG_LIMITS.bucket}
          onClick={() => {
            setRows((current) => [...current, { id: nextId, Key: '', Value: '' }]);
            setNextId(nextId + 1);
          }}
        >
          Add tag
        </Button>
        <Button type="submit" variant="primary" pending={mutation.isPending} disabled={issues.length > 0}>
          Save tags
        </Button>
      </div>
      {mutation.error && !(isActionError(mutation.error) && mutation.error.code === 'InvalidInput') ? (
        <Alert tone="error" title="The tags were not saved">
          <p>{mutation.error.message}</p>
        </Alert>
      ) : null}
      <StatusMessage>{mutation.isSuccess ? 'Tags saved.' : ''}</StatusMessage>
    </form>
  );
}
