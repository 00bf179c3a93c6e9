'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { isActionError, unwrap } from '@/lib/actions/client';
import { startBatchReplicationAction } from '@/app/compare/actions';

/** AWS only: S3 Batch Replication (CreateJob with a generated manifest) for objects never replicated or FAILED. */
export function BatchReplicationForm({ source }: { source: string }) {
  const [roleArn, setRoleArn] = useState('');
  const [reportBucket, setReportBucket] = useState('');
  const [retryFailed, setRetryFailed] = useState(false);
  const checkboxId = useId();
  const create = useMutation({
    mutationFn: () =>
      startBatchReplicationAction({
        sourceBucket: source,
        roleArn: roleArn.trim(),
        reportBucket: reportBucket.trim() || undefined,
        statuses: retryFailed ? ['NONE', 'FAILED'] : ['NONE'],
      }).then(unwrap),
  });
  const fieldErrors = isActionError(create.error) ? create.error.fieldErrors : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl border border-line bg-white p-4" aria-labelledby="batch-heading">
      <h2 id="batch-heading" className="font-bold">
        S3 Batch Replication
      </h2>
      <p className="text-sm text-gray-700">
        Creates an S3 Batch Operations job in the source bucket’s region that replicates existing objects with their version ids (a generated manifest
        of versions never replicated). It needs a role with s3:InitiateReplication, s3:GetReplicationConfiguration and s3:PutInventoryConfiguration.
        Where your account does not allow it, use the copy job above.
      </p>
      <Input label="Batch Operations role ARN" value={roleArn} onChange={(e) => setRoleArn(e.target.value)} errors={fieldErrors.roleArn} placeholder="arn:aws:iam::123456789012:role/…" />
      <Input label="Completion report bucket (optional)" value={reportBucket} onChange={(e) => setReportBucket(e.target.value)} errors={fieldErrors.reportBucket} />
      <div className="flex items-center gap-2 text-sm">
        <input id={checkboxId} type="checkbox" checked={retryFailed} onChange={(e) => setRetryFailed(e.target.checked)} />
        <label htmlFor={checkboxId}>Also retry versions whose replication FAILED</label>
      </div>
      <Button type="submit" pending={create.isPending}>
        Create Batch Replication job
      </Button>
      {create.error && !Object.keys(fieldErrors).length ? <Alert tone="error" title="S3 refused the job">{create.error.message}</Alert> : null}
      {create.data ? <Alert tone="success" title="Job created">Job {create.data.jobId} in account {create.data.accountId}; follow it in S3 Batch Operations.</Alert> : null}
    </form>
  );
}
