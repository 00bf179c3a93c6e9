'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import { bucketReplicationQuery } from '@/lib/queries/replication';
import { newRuleHref } from './rule-options';

// The rules, their actions and dialogs, and the export renderers load on their own: not part of the page's first
// JavaScript (a bucket without rules never needs them).
const ConfiguredReplication = dynamic(() => import('./configured-replication').then((module) => module.ConfiguredReplication));
const ReplicateExistingDialog = dynamic(() => import('./saved-dialog').then((module) => module.ReplicateExistingDialog));

export const UPDATED_MESSAGE = 'Replication configuration updated successfully';

function GetStarted({ bucket }: { bucket: string }) {
  return (
    <div className="space-y-2 rounded-xl border border-line bg-white p-4 text-sm">
      <p>
        {bucket} has no replication rules. A rule copies new objects to a bucket in another Region (CRR) or the same Region
        (SRR), asynchronously; versioning must be enabled on both buckets, and the wizard enables it for you.
      </p>
      <ButtonLink variant="primary" href={newRuleHref(bucket)}>
        Get started
      </ButtonLink>
    </div>
  );
}

/**
 * The bucket's Management tab: its replication rules, their actions, and the entry into the wizard.
 * After the wizard saves it lands here with ?saved=<rule>[&added=1].
 */
export function BucketReplicationPanel({ bucket }: { bucket: string }) {
  const query = useQuery(bucketReplicationQuery(bucket));
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const savedRule = searchParams.get('saved');
  // null: nothing saved on this visit; otherwise the detail under "updated successfully".
  const [updated, setUpdated] = useState<string | null>(savedRule !== null ? `Rule ${savedRule} is saved.` : null);
  const [askExisting, setAskExisting] = useState(savedRule !== null && searchParams.get('added') === '1');

  function closeExistingDialog() {
    setAskExisting(false);
    router.replace(pathname, { scroll: false });
  }

  return (
    <section aria-labelledby="replication-heading" className="space-y-3">
      <h2 id="replication-heading" className="text-lg font-bold">
        Replication rules
      </h2>
      <StatusMessage>
        {updated !== null ? (
          <Alert tone="success" title={UPDATED_MESSAGE}>
            {updated}
          </Alert>
        ) : null}
      </StatusMessage>
      {query.isPending ? (
        <p className="flex items-center gap-2 text-sm">
          <Spinner label={null} /> Reading the replication configuration…
        </p>
      ) : query.isError ? (
        <Alert tone="error" title="Could not read the replication configuration" action={<Button onClick={() => void query.refetch()}>Try again</Button>}>
          {query.error.message}
        </Alert>
      ) : query.data.configuration ? (
        <ConfiguredReplication view={query.data} onUpdated={setUpdated} />
      ) : (
        <GetStarted bucket={bucket} />
      )}
      {askExisting && savedRule ? <ReplicateExistingDialog bucket={bucket} ruleId={savedRule} onClose={closeExistingDialog} /> : null}
    </section>
  );
}
