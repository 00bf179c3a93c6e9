'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { unwrap } from '@/lib/actions/client';
import { compareKeys, copyJobQuery, copyJobsOfRuleQuery } from '@/lib/queries/compare';
import { cancelCopyJobAction, startCopyJobAction } from '@/app/compare/actions';
import { CopyJobProgress } from './copy-job-progress';

/**
 * "Replicate existing objects" (and "Retry failed"): a job on the console server. Its id is found again from the
 * rule after a reload, so any tab follows the same job.
 */
export function CopyJobPanel({
  source,
  ruleId,
  failedCount,
  canRetry,
  onFinished,
}: {
  source: string;
  ruleId: string;
  failedCount: number;
  canRetry: boolean;
  onFinished: () => void;
}) {
  const queryClient = useQueryClient();
  const [startedId, setStartedId] = useState<string | undefined>();
  const known = useQuery(copyJobsOfRuleQuery(source, ruleId));
  const jobId = startedId ?? known.data?.jobs[0]?.id;
  const job = useQuery({ ...copyJobQuery(jobId ?? ''), enabled: jobId !== undefined });

  const start = useMutation({
    mutationFn: (kind: 'existing' | 'retry-failed') => startCopyJobAction({ source, ruleId, kind }).then(unwrap),
    onSuccess: ({ jobId: id }) => {
      setStartedId(id);
      void queryClient.invalidateQueries({ queryKey: compareKeys.copyJobs(source, ruleId) });
    },
  });
  const cancel = useMutation({ mutationFn: (id: string) => cancelCopyJobAction({ jobId: id }).then(unwrap) });

  const view = job.data;
  const active = view?.state === 'finding' || view?.state === 'copying';
  const finishedId = view && !active ? view.id : undefined;
  useEffect(() => {
    // The comparison is out of date once a job this tab started has finished.
    if (finishedId !== undefined && finishedId === startedId) onFinished();
  }, [finishedId, startedId, onFinished]);

  return (
    <section aria-labelledby="copy-heading" className="space-y-3 rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="copy-heading" className="font-bold">
            Replicate existing objects
          </h2>
          <p className="text-sm text-gray-700">
            Live replication skips objects that existed before the rule. This job replicates what rule “{ruleId}” matches and the destination lacks.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => start.mutate('existing')} pending={start.isPending && start.variables === 'existing'} disabled={active}>
            Replicate existing objects
          </Button>
          {canRetry && failedCount > 0 ? (
            <Button onClick={() => start.mutate('retry-failed')} pending={start.isPending && start.variables === 'retry-failed'} disabled={active}>
              Retry {failedCount} failed
            </Button>
          ) : null}
          {active && view ? (
            <Button variant="danger" onClick={() => cancel.mutate(view.id)} pending={cancel.isPending}>
              Cancel
            </Button>
          ) : null}
        </div>
      </div>
      {start.error ? <Alert tone="error" title="Could not start the job">{start.error.message}</Alert> : null}
      {cancel.error ? <Alert tone="error" title="Could not cancel the job">{cancel.error.message}</Alert> : null}
      <StatusMessage className="sr-only">{view ? `${view.state === 'completed' ? 'Finished' : view.state}: ${view.done.objects} of ${view.total.objects}` : ''}</StatusMessage>
      {view ? <CopyJobProgress job={view} /> : null}
    </section>
  );
}
