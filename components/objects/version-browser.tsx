'use client';

import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import { replicationStatusesQuery } from '@/lib/queries/objects';
import { versionPageQuery, type ObjectVersion, type VersionMarker } from '@/lib/queries/versions';
import { PageNavigation } from './page-navigation';
import { VersionTable } from './version-table';

// The delete dialog (its mutation) is fetched when a first version is chosen for deletion, not with the list.
const DeleteVersionDialog = lazy(() => import('@/components/objects/delete-version-dialog').then((module) => ({ default: module.DeleteVersionDialog })));

/** "Show versions": every version and delete marker, a page at a time (key-marker / version-id-marker). */
export function VersionBrowser({ bucket, initialPrefix }: { bucket: string; initialPrefix: string }) {
  const [prefix, setPrefix] = useState(initialPrefix);
  const [prefixDraft, setPrefixDraft] = useState(initialPrefix);
  // markers[i] starts page i + 1 (undefined for the first page).
  const [markers, setMarkers] = useState<(VersionMarker | undefined)[]>([undefined]);
  const [toDelete, setToDelete] = useState<ObjectVersion | undefined>();
  // Mounted from the first deletion on, so that closing the native dialog hands focus back.
  const [deleteAsked, setDeleteAsked] = useState(false);

  const pageIndex = markers.length - 1;
  const page = useQuery(versionPageQuery(bucket, prefix, markers[pageIndex]));
  const refs = useMemo(
    () =>
      (page.data?.versions ?? [])
        .filter((version) => !version.isDeleteMarker)
        .map((version) => ({ key: version.key, versionId: version.versionId })),
    [page.data],
  );
  const statuses = useQuery(replicationStatusesQuery(bucket, refs));

  function submit(event: FormEvent) {
    event.preventDefault();
    setPrefix(prefixDraft);
    setMarkers([undefined]);
  }

  return (
    <section aria-labelledby="versions-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="versions-heading" className="text-lg font-bold">
          Versions
        </h2>
        <Button onClick={() => void page.refetch()} pending={page.isFetching && !page.isPending}>
          Refresh
        </Button>
      </div>
      <p className="max-w-3xl text-sm text-gray-700">
        Every version of every object, newest first per key, with delete markers. Deleting a version is permanent and is never
        replicated.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-64 flex-1">
          <Input label="Find versions by key prefix" value={prefixDraft} onChange={(event) => setPrefixDraft(event.target.value)} />
        </div>
        <Button type="submit">Search</Button>
      </form>
      <StatusMessage className="sr-only">{page.isFetching ? 'Loading versions…' : page.data ? `${page.data.versions.length} versions listed.` : ''}</StatusMessage>
      {page.error ? (
        <Alert tone="error" title="Could not list the versions">
          <p>{page.error.message}</p>
        </Alert>
      ) : null}
      {page.isPending ? (
        <p className="flex items-center gap-2 text-sm text-gray-700">
          <Spinner label={null} /> Loading versions…
        </p>
      ) : null}
      {page.data ? (
        page.data.versions.length === 0 ? (
          <p className="rounded-xl border border-line bg-white px-4 py-8 text-center text-sm">No versions{prefix ? ` with keys starting “${prefix}”` : ''}.</p>
        ) : (
          <VersionTable
            bucket={bucket}
            versions={page.data.versions}
            statuses={statuses.data}
            onDelete={(version) => {
              setToDelete(version);
              setDeleteAsked(true);
            }}
          />
        )
      ) : null}
      <PageNavigation
        label="Version pages"
        page={pageIndex + 1}
        hasNext={Boolean(page.data?.next)}
        onPrevious={() => setMarkers((current) => current.slice(0, -1))}
        onNext={() => {
          const next = page.data?.next;
          if (next) setMarkers((current) => [...current, next]);
        }}
      />
      {deleteAsked ? (
        <Suspense>
          <DeleteVersionDialog bucket={bucket} version={toDelete} onClose={() => setToDelete(undefined)} />
        </Suspense>
      ) : null}
    </section>
  );
}
