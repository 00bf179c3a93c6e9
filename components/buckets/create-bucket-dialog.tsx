'use client';

import Link from 'next/link';
import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { useDialogOnDemand } from '@/components/ui/use-dialog-on-demand';

// The form (regions, name checks, the mutation) is fetched on the first click, not with the bucket list.
const CreateBucketForm = lazy(() => import('@/components/buckets/create-bucket-form').then((module) => ({ default: module.CreateBucketForm })));

/** "Create bucket": the button, the dialog behind it, and the link to the bucket just created. */
export function CreateBucketDialog({ defaultRegion }: { defaultRegion?: string }) {
  const dialog = useDialogOnDemand();
  const [created, setCreated] = useState<string | undefined>();

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          setCreated(undefined);
          dialog.show();
        }}
      >
        Create bucket
      </Button>
      <StatusMessage className="sr-only">{created ? `Bucket ${created} created.` : ''}</StatusMessage>
      {created ? (
        <p className="text-sm text-green-800" aria-hidden="true">
          Created <Link href={`/buckets/${encodeURIComponent(created)}/objects`}>{created}</Link>.
        </p>
      ) : null}
      {dialog.mounted ? (
        <Suspense>
          <CreateBucketForm
            open={dialog.open}
            defaultRegion={defaultRegion}
            onClose={dialog.close}
            onCreated={(name) => {
              setCreated(name);
              dialog.close();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
