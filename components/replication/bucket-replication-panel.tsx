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
import type { RuleChange } from '@/lib/replication-console/rule-changes';
import type { BucketReplicationView } from '@/lib/replication-console/views';
import { ReplicationSummary } from './replication-summary';
import { RulesTable } from './rules-table';
import { useRuleChange } from './use-rule-change';

// Dialogs and the export renderers load on their own, after the page: not part of its first JavaScript.
const EditPrioritiesDialog = dynamic(() => import('./edit-priorities-dialog').then((module) => module.EditPrioritiesDialog));
const ExportConfiguration = dynamic(() => import('./export-configuration').then((module) => module.ExportConfiguration));
const GlobalSettingsDialog = dynamic(() => import('./global-settings-dialog').then((module) => module.GlobalSettingsDialog));
const ReplicateExistingDialog = dynamic(() => import('./saved-dialog').then((module) => module.ReplicateExistingDialog));

export const UPDATED_MESSAGE = 'Replication configuration updated successfully';

function newRuleHref(bucket: string): string {
  return `/replication/new?${new URLSearchParams({ source: bucket })}`;
}

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

/** What the success message adds about a change made from the rules table. */
function describeChange(change: RuleChange): string {
  switch (change.kind) {
    case 'delete':
      return `Rule ${change.ruleId} deleted.`;
    case 'status':
      return `Rule ${change.ruleId} ${change.status === 'Enabled' ? 'enabled' : 'disabled'}.`;
    case 'priorities':
      return 'Priorities saved.';
    case 'role':
      return `Every rule now uses ${change.roleArn}.`;
  }
}

function Configured({ view, onUpdated }: { view: BucketReplicationView; onUpdated: (detail: string) => void }) {
  const [dialog, setDialog] = useState<'priorities' | 'global' | null>(null);
  const change = useRuleChange((done) => onUpdated(describeChange(done)));
  const configuration = view.configuration;
  if (!configuration) return null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <ButtonLink variant="primary" href={newRuleHref(view.bucket)}>
          Create replication rule
        </ButtonLink>
        <ButtonLink href={newRuleHref(view.bucket)} aria-label="Add rule">
          + Add rule
        </ButtonLink>
        <Button onClick={() => setDialog('priorities')} disabled={configuration.Rules.length < 2}>
          Edit priorities
        </Button>
        <Button onClick={() => setDialog('global')}>Edit global settings</Button>
      </div>
      {change.error ? (
        <Alert tone="error" title="The change was not saved">
          {change.error.message}
        </Alert>
      ) : null}
      <ReplicationSummary view={view} />
      <RulesTable view={view} change={change} />
      <ExportConfiguration bucket={view.bucket} configuration={configuration} />
      {dialog === 'priorities' ? <EditPrioritiesDialog view={view} change={change} onClose={() => setDialog(null)} /> : null}
      {dialog === 'global' ? <GlobalSettingsDialog view={view} change={change} onClose={() => setDialog(null)} /> : null}
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
        <Configured view={query.data} onUpdated={setUpdated} />
      ) : (
        <GetStarted bucket={bucket} />
      )}
      {askExisting && savedRule ? <ReplicateExistingDialog bucket={bucket} ruleId={savedRule} onClose={closeExistingDialog} /> : null}
    </section>
  );
}
