'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import { downloadUrl, objectPageQuery, replicationStatusesQuery } from '@/lib/queries/objects';
import { CreateFolderDialog } from './create-folder-dialog';
import { DeleteObjectsDialog } from './delete-objects-dialog';
import { FolderBreadcrumbs } from './folder-breadcrumbs';
import { ObjectTable } from './object-table';
import { PageNavigation } from './page-navigation';
import { UploadPanel } from './upload-panel';
import { useUploads } from './use-uploads';

/**
 * One folder of a bucket, a page at a time (ListObjectsV2 with delimiter "/" and continuation tokens, so a bucket of
 * any size opens at once), with search by prefix, upload, download, delete and create folder.
 */
export function ObjectBrowser({ bucket, prefix }: { bucket: string; prefix: string }) {
  // Uploads outlive a change of folder; paging, search and selection do not.
  const uploads = useUploads(bucket);
  return <FolderView key={prefix} bucket={bucket} prefix={prefix} uploads={uploads} />;
}

function versionsHref(bucket: string, prefix: string): string {
  const base = `/buckets/${encodeURIComponent(bucket)}/versions`;
  return prefix ? `${base}?${new URLSearchParams({ prefix })}` : base;
}

function FolderView({ bucket, prefix, uploads }: { bucket: string; prefix: string; uploads: ReturnType<typeof useUploads> }) {
  const [search, setSearch] = useState('');
  const [searchDraft, setSearchDraft] = useState('');
  // tokens[i] is the continuation token of page i + 1 (undefined for the first page).
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const listPrefix = prefix + search;
  const pageIndex = tokens.length - 1;
  const page = useQuery(objectPageQuery(bucket, listPrefix, tokens[pageIndex]));
  const refs = useMemo(() => (page.data?.objects ?? []).map((object) => ({ key: object.key })), [page.data]);
  const statuses = useQuery(replicationStatusesQuery(bucket, refs));

  // With delimiter "/", listed keys never end in "/": anything that does is a folder.
  const selectedKeys = [...selected].filter((item) => !item.endsWith('/'));
  const selectedFolders = [...selected].filter((item) => item.endsWith('/'));
  const single = selectedKeys.length === 1 && selectedFolders.length === 0 ? selectedKeys[0] : undefined;

  function toggle(item: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(item)) next.delete(item);
      else next.add(item);
      return next;
    });
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(searchDraft);
    setTokens([undefined]);
    setSelected(new Set());
  }

  const folderLabel = prefix ? prefix : `the root of ${bucket}`;
  const entries = (page.data?.folders.length ?? 0) + (page.data?.objects.length ?? 0);

  return (
    <section aria-labelledby="objects-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="objects-heading" className="text-lg font-bold">
          Objects
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => void page.refetch()} pending={page.isFetching && !page.isPending}>
            Refresh
          </Button>
          {single ? (
            <a href={downloadUrl(bucket, { key: single })} download className={buttonClasses('normal', 'no-underline hover:no-underline')}>
              Download
            </a>
          ) : (
            <Button disabled title="Select one object to download">
              Download
            </Button>
          )}
          <DeleteObjectsDialog bucket={bucket} keys={selectedKeys} folders={selectedFolders} onDone={() => setSelected(new Set())} />
          <CreateFolderDialog bucket={bucket} parent={prefix} />
          <ButtonLink href={versionsHref(bucket, listPrefix)} variant="link">
            Show versions
          </ButtonLink>
        </div>
      </div>
      <FolderBreadcrumbs bucket={bucket} prefix={prefix} />
      <form onSubmit={submitSearch} className="flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-64 flex-1">
          <Input
            label="Find objects by prefix"
            hint={`Lists the keys in ${folderLabel} that start with this text (S3 searches by prefix only).`}
            value={searchDraft}
            onChange={(event) => setSearchDraft(event.target.value)}
          />
        </div>
        <Button type="submit">Search</Button>
        {search ? (
          <Button
            variant="link"
            onClick={() => {
              setSearch('');
              setSearchDraft('');
              setTokens([undefined]);
            }}
          >
            Clear search
          </Button>
        ) : null}
      </form>
      <UploadPanel folderLabel={folderLabel} items={uploads.items} onFiles={(files) => uploads.upload(files, prefix)} onClear={uploads.clearFinished} />
      <StatusMessage className="sr-only">{page.isFetching ? 'Loading objects…' : page.data ? `${entries} items listed.` : ''}</StatusMessage>
      {page.error ? (
        <Alert tone="error" title="Could not list the objects">
          <p>{page.error.message}</p>
        </Alert>
      ) : null}
      {statuses.error ? (
        <Alert tone="warning" title="Replication statuses are not available">
          <p>{statuses.error.message}</p>
        </Alert>
      ) : null}
      {page.isPending ? (
        <p className="flex items-center gap-2 text-sm text-gray-700">
          <Spinner label={null} /> Loading objects…
        </p>
      ) : null}
      {page.data ? (
        entries === 0 ? (
          <p className="rounded-xl border border-line bg-white px-4 py-8 text-center text-sm">
            {search ? `No objects in ${folderLabel} start with “${search}”.` : `No objects in ${folderLabel}. Upload files to add some.`}
          </p>
        ) : (
          <ObjectTable
            bucket={bucket}
            prefix={prefix}
            folders={page.data.folders}
            objects={page.data.objects}
            statuses={statuses.data}
            selected={selected}
            onToggle={toggle}
          />
        )
      ) : null}
      <PageNavigation
        label="Object pages"
        page={pageIndex + 1}
        hasNext={Boolean(page.data?.nextToken)}
        onPrevious={() => setTokens((current) => current.slice(0, -1))}
        onNext={() => {
          const next = page.data?.nextToken;
          if (next) setTokens((current) => [...current, next]);
        }}
      />
    </section>
  );
}
