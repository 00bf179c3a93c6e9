'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { BackendErrorAlert } from '@/components/backend-error-alert';
import { formatUtcDateTime } from '@/components/format-date';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { BackendInfo } from '@/lib/aws/backend';
import { ApiError } from '@/lib/queries/api-error';
import { bucketsQuery, type BucketSummary } from '@/lib/queries/buckets';
import { DeleteBucketDialog } from '@/components/bucket/delete-bucket-dialog';
import { ReplicationRoleCell } from '@/components/bucket/replication-role-cell';
import { CreateBucketDialog } from './create-bucket-dialog';
import { RegionText } from './region-text';
import { VersioningBadge } from './versioning-badge';

function EmptyBuckets({ backend }: { backend: BackendInfo }) {
  return (
    <div className="rounded-xl border border-line bg-white px-4 py-10 text-center text-sm">
      <p className="font-bold">No buckets</p>
      <p className="mt-1 text-gray-700">
        {backend.kind === 'embedded' ? (
          <>
            The embedded endpoint has no buckets yet. Create one with Create bucket, or with the AWS CLI, for example{' '}
            <code className="font-mono">aws s3 mb s3://jtpbucket --endpoint-url {backend.endpointUrl}</code> (see{' '}
            <Link href="/connect">Connect</Link>).
          </>
        ) : (
          <>This account has no buckets that these credentials can list.</>
        )}
      </p>
    </div>
  );
}

function BucketRows({ buckets }: { buckets: readonly BucketSummary[] }) {
  return (
    <Table caption={`Buckets (${buckets.length})`} captionHidden>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Region</Th>
          <Th>Creation date</Th>
          <Th>Versioning</Th>
          <Th>Replication role</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {buckets.map((bucket) => (
          <Tr key={bucket.name}>
            <Td>
              <Link href={`/buckets/${encodeURIComponent(bucket.name)}`} className="font-bold">
                {bucket.name}
              </Link>
            </Td>
            <Td>
              <RegionText code={bucket.region} />
            </Td>
            <Td>
              {bucket.creationDate ? <time dateTime={bucket.creationDate}>{formatUtcDateTime(bucket.creationDate)}</time> : '—'}
            </Td>
            <Td>
              <VersioningBadge state={bucket.versioning} />
            </Td>
            <Td>
              <ReplicationRoleCell bucket={bucket.name} />
            </Td>
            <Td>
              <DeleteBucketDialog bucket={bucket.name} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The bucket list, hydrated from the server render and refreshable in place. */
export function BucketsTable({ backend }: { backend: BackendInfo }) {
  const { data, error, isPending, isFetching, refetch } = useQuery(bucketsQuery());
  const refresh = (
    <Button onClick={() => void refetch()} pending={isFetching && !isPending}>
      Refresh
    </Button>
  );

  return (
    <section aria-labelledby="buckets-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="buckets-heading" className="text-lg font-bold">
          Buckets {data ? <span className="font-normal text-gray-700">({data.buckets.length})</span> : null}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          {refresh}
          <CreateBucketDialog defaultRegion={backend.region} />
        </div>
      </div>
      <StatusMessage className="sr-only">
        {isFetching ? 'Loading buckets…' : data ? `${data.buckets.length} buckets listed.` : ''}
      </StatusMessage>
      {error ? (
        <BackendErrorAlert
          title="Could not list the buckets"
          error={error instanceof ApiError ? error : { code: 'Error', message: error.message }}
          backend={backend}
        />
      ) : null}
      {isPending ? (
        <p className="flex items-center gap-2 text-sm text-gray-700">
          <Spinner label={null} /> Loading buckets…
        </p>
      ) : null}
      {data ? data.buckets.length === 0 ? <EmptyBuckets backend={backend} /> : <BucketRows buckets={data.buckets} /> : null}
    </section>
  );
}
