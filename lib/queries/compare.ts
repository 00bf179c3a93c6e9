import { queryOptions } from '@tanstack/react-query';
import type { CompareView } from '@/lib/compare/jobs/view';
import type { ReplicationMetricsView } from '@/lib/compare/metrics';
import type { CompareClass } from '@/lib/compare/types';
import type { CopyJobView } from '@/lib/copy-jobs/types';
import { fetchJson } from './api-error';

export type { CompareView } from '@/lib/compare/jobs/view';
export type { CopyJobView } from '@/lib/copy-jobs/types';
export type { ReplicationMetricsView } from '@/lib/compare/metrics';

export interface CompareTarget {
  source: string;
  destination?: string;
  rule?: string;
  mode: 'current' | 'versions';
}

export interface CompareWindow {
  classes: readonly CompareClass[];
  search: string;
  offset: number;
  limit: number;
}

export const compareKeys = {
  all: ['compare'] as const,
  target: (target: CompareTarget) => [...compareKeys.all, 'view', target] as const,
  view: (target: CompareTarget, window: CompareWindow) => [...compareKeys.target(target), window] as const,
  metrics: (bucket: string) => [...compareKeys.all, 'metrics', bucket] as const,
  copyJobs: (source: string, rule: string) => [...compareKeys.all, 'copy-jobs', source, rule] as const,
  copyJob: (id: string) => [...compareKeys.all, 'copy-job', id] as const,
};

export function compareParams(target: CompareTarget): URLSearchParams {
  const params = new URLSearchParams({ source: target.source, mode: target.mode });
  if (target.destination) params.set('destination', target.destination);
  if (target.rule) params.set('rule', target.rule);
  return params;
}

/**
 * The comparison's summary and one window of rows. A finished comparison older than `maxAgeMs` is shown while the
 * server compares again (the next poll gets the fresh one), so polling keeps the page live.
 */
export function compareViewQuery(target: CompareTarget, window: CompareWindow, maxAgeMs = 1_000) {
  return queryOptions({
    queryKey: compareKeys.view(target, window),
    queryFn: ({ signal }) => {
      const params = compareParams(target);
      for (const name of window.classes) params.append('class', name);
      if (window.search) params.set('q', window.search);
      params.set('offset', String(window.offset));
      params.set('limit', String(window.limit));
      params.set('maxAge', String(maxAgeMs));
      return fetchJson<CompareView>(`/api/compare?${params}`, { signal });
    },
  });
}

export function replicationMetricsQuery(bucket: string) {
  return queryOptions({
    queryKey: compareKeys.metrics(bucket),
    queryFn: ({ signal }) => fetchJson<ReplicationMetricsView>(`/api/compare/metrics?${new URLSearchParams({ bucket })}`, { signal }),
    refetchInterval: 5_000,
  });
}

export function copyJobsOfRuleQuery(source: string, rule: string) {
  return queryOptions({
    queryKey: compareKeys.copyJobs(source, rule),
    queryFn: ({ signal }) => fetchJson<{ jobs: CopyJobView[] }>(`/api/copy-jobs?${new URLSearchParams({ source, rule })}`, { signal }),
  });
}

export function copyJobQuery(id: string) {
  return queryOptions({
    queryKey: compareKeys.copyJob(id),
    queryFn: ({ signal }) => fetchJson<CopyJobView>(`/api/copy-jobs/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'finding' || state === 'copying' || state === undefined ? 500 : false;
    },
  });
}
