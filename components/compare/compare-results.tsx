'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import { unwrap } from '@/lib/actions/client';
import type { CompareClass, CompareRow } from '@/lib/compare/types';
import { compareKeys, compareViewQuery, type CompareTarget } from '@/lib/queries/compare';
import { retryFailedVersionAction } from '@/app/compare/actions';
import { BatchReplicationForm } from './batch-replication-form';
import { CompareTable } from './compare-table';
import { CopyJobPanel } from './copy-job-panel';
import { IDLE_POLL_MS, nextPollMs } from './live-interval';
import { ReplicationMetrics } from './metrics-chart';
import { SummaryBar } from './summary-bar';

const PAGE_SIZE = 100;

/** Summary, live refresh, filters, one page of rows, export, and the copy job of a comparison. */
export function CompareResults({ target, backend }: { target: CompareTarget; backend: 'embedded' | 'aws' }) {
  const queryClient = useQueryClient();
  const [classes, setClasses] = useState<CompareClass[]>([]);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [offset, setOffset] = useState(0);
  const poll = useRef({ pending: 0, delay: IDLE_POLL_MS });

  const query = useQuery({
    ...compareViewQuery(target, { classes, search: deferredSearch, offset, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => {
      poll.current = nextPollMs(q.state.data, poll.current);
      return poll.current.delay;
    },
  });
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: compareKeys.target(target) });
  }, [queryClient, target]);

  const [retrying, setRetrying] = useState<string>();
  const retry = useMutation({
    mutationFn: (row: CompareRow) => retryFailedVersionAction({ bucket: target.source, key: row.key, versionId: row.source?.versionId }).then(unwrap),
    onMutate: (row) => setRetrying(`${row.key}\u0000${row.source?.versionId ?? ''}`),
    onSettled: () => {
      setRetrying(undefined);
      refresh();
    },
  });

  const view = query.data;
  const toggle = (name: CompareClass) => {
    setOffset(0);
    setClasses((current) => (current.includes(name) ? current.filter((c) => c !== name) : [...current, name]));
  };
  const exportHref = (format: 'csv' | 'json') => {
    const params = new URLSearchParams({ format });
    for (const name of classes) params.append('class', name);
    if (deferredSearch) params.set('q', deferredSearch);
    return `/api/compare/${view?.jobId ?? ''}/export?${params}`;
  };

  if (query.error && !view) return <Alert tone="error" title="Could not compare">{query.error.message}</Alert>;
  if (!view) return <Spinner label="Comparing" />;

  const { summary, window, target: resolved } = view;
  const running = view.state === 'running';
  const versions = resolved.mode === 'versions';
  const ruleId = resolved.rule?.id;
  const notReplicatedBefore = summary.reasons.EXISTED_BEFORE_RULE ?? 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p>
          <strong>{resolved.sourceBucket}</strong> ({resolved.sourceRegion}) → <strong>{resolved.destinationBucket}</strong> ({resolved.destinationRegion})
          {resolved.rule ? ` · rule ${resolved.rule.id}: ${resolved.rule.scope}${resolved.rule.enabled ? '' : ' (disabled)'}` : ' · whole buckets'}
        </p>
        <div className="flex items-center gap-2">
          {running || view.refreshing ? <Spinner label={null} /> : null}
          <Button onClick={refresh}>Refresh</Button>
        </div>
      </div>
      <StatusMessage>
        {running
          ? `Comparing… ${summary.rows.toLocaleString('en-US')} objects classified so far.`
          : `Compared ${summary.rows.toLocaleString('en-US')} objects${summary.counts.pending > 0 ? `; ${summary.counts.pending} pending, refreshing` : ''}.`}
      </StatusMessage>
      {view.error ? <Alert tone="error" title="The comparison stopped">{view.error.message}</Alert> : null}
      <SummaryBar summary={summary} selected={classes} onToggle={toggle} />
      {notReplicatedBefore > 0 ? (
        <Alert tone="info" title={`${notReplicatedBefore} ${notReplicatedBefore === 1 ? 'object' : 'objects'} existed before the rule`}>
          Replication only copies objects created after a rule is added. Replicate existing objects to copy them.
        </Alert>
      ) : null}
      {backend === 'embedded' ? <ReplicationMetrics bucket={resolved.sourceBucket} ruleId={ruleId} destination={resolved.destinationBucket} /> : null}
      {ruleId ? (
        <CopyJobPanel source={resolved.sourceBucket} ruleId={ruleId} failedCount={summary.counts.failed} canRetry={backend === 'embedded'} onFinished={refresh} />
      ) : null}
      {ruleId && backend === 'aws' ? <BatchReplicationForm source={resolved.sourceBucket} /> : null}
      {retry.error ? <Alert tone="error" title="Retry failed">{retry.error.message}</Alert> : null}

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-full max-w-sm">
          <Input label="Search keys" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} />
        </div>
        <div className="flex gap-2">
          <a className={buttonClasses('normal')} href={exportHref('csv')} download>
            Export CSV
          </a>
          <a className={buttonClasses('normal')} href={exportHref('json')} download>
            Export JSON
          </a>
        </div>
      </div>
      <CompareTable
        rows={window.rows}
        versions={versions}
        caption={`Objects of ${resolved.sourceBucket} and ${resolved.destinationBucket}`}
        onRetry={backend === 'embedded' ? (row) => retry.mutate(row) : undefined}
        retrying={retrying}
      />
      <nav className="flex items-center justify-between text-sm" aria-label="Pages of objects">
        <span className="tabular-nums">
          {window.total === 0 ? 'No rows' : `Rows ${(offset + 1).toLocaleString('en-US')}–${Math.min(offset + window.rows.length, window.total).toLocaleString('en-US')} of ${window.total.toLocaleString('en-US')}`}
          {running ? ' so far' : ''}
        </span>
        <span className="flex gap-2">
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Previous
          </Button>
          <Button disabled={offset + PAGE_SIZE >= window.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Next
          </Button>
        </span>
      </nav>
    </div>
  );
}
