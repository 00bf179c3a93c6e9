import { queryOptions } from '@tanstack/react-query';
import type { PlanResult } from '@/lib/replication-console/save-plan';
import type { RuleInput } from '@/lib/replication-console/rule-input';
import type { BucketReplicationView, RoleList, RulesOverview, ScopePreview } from '@/lib/replication-console/views';
import { fetchJson } from './api-error';

export type { BucketReplicationView, RoleList, RulesOverview, ScopePreview } from '@/lib/replication-console/views';

export const replicationKeys = {
  all: ['replication'] as const,
  bucket: (bucket: string) => [...replicationKeys.all, 'bucket', bucket] as const,
  rules: () => [...replicationKeys.all, 'rules'] as const,
  roles: () => [...replicationKeys.all, 'roles'] as const,
  scope: (bucket: string, prefix: string, tags: readonly { key: string; value: string }[]) =>
    [...replicationKeys.all, 'scope', bucket, prefix, tags] as const,
  plan: (input: RuleInput) => [...replicationKeys.all, 'plan', input] as const,
};

const enc = encodeURIComponent;

/** A bucket's replication configuration, its fingerprint and its destinations, read now. */
export function fetchBucketReplication(bucket: string, signal?: AbortSignal): Promise<BucketReplicationView> {
  return fetchJson<BucketReplicationView>(`/api/replication/buckets/${enc(bucket)}`, { signal });
}

/** A bucket's replication configuration, its fingerprint and its destinations. Invalidate `replicationKeys.all` after a change. */
export function bucketReplicationQuery(bucket: string) {
  return queryOptions({
    queryKey: replicationKeys.bucket(bucket),
    queryFn: ({ signal }) => fetchBucketReplication(bucket, signal),
  });
}

/**
 * The configuration the wizard starts from: read fresh when the wizard opens (never from an older cache entry,
 * since its fingerprint guards the Save), and kept while the wizard is open.
 */
export function wizardBucketReplicationQuery(bucket: string) {
  return queryOptions({
    queryKey: [...replicationKeys.bucket(bucket), 'wizard'] as const,
    queryFn: ({ signal }) => fetchBucketReplication(bucket, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** Every rule of every bucket. */
export function rulesOverviewQuery() {
  return queryOptions({
    queryKey: replicationKeys.rules(),
    queryFn: ({ signal }) => fetchJson<RulesOverview>('/api/replication/rules', { signal }),
  });
}

/** IAM roles the wizard can choose from. */
export function replicationRolesQuery() {
  return queryOptions({
    queryKey: replicationKeys.roles(),
    queryFn: ({ signal }) => fetchJson<RoleList>('/api/replication/roles', { signal }),
    staleTime: 30_000,
  });
}

/** How many current objects a scope matches (sampled). */
export function scopePreviewQuery(bucket: string, prefix: string, tags: readonly { key: string; value: string }[]) {
  const params = new URLSearchParams({ prefix, tags: JSON.stringify(tags) });
  return queryOptions({
    queryKey: replicationKeys.scope(bucket, prefix, tags),
    queryFn: ({ signal }) => fetchJson<ScopePreview>(`/api/replication/buckets/${enc(bucket)}/scope?${params}`, { signal }),
    staleTime: 30_000,
  });
}

/** What Save would do with these choices (read-only on the server), for the Review step. */
export function savePlanQuery(input: RuleInput) {
  return queryOptions({
    queryKey: replicationKeys.plan(input),
    queryFn: ({ signal }) =>
      fetchJson<PlanResult>('/api/replication/plan', {
        method: 'POST',
        body: JSON.stringify(input),
        headers: { 'content-type': 'application/json' },
        signal,
      }),
    staleTime: 0,
  });
}
