'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import type { RuleChange } from '@/lib/replication-console/rule-changes';
import type { BucketReplicationView } from '@/lib/replication-console/views';
import { ReplicationSummary } from './replication-summary';
import { newRuleHref } from './rule-options';
import { RulesTable } from './rules-table';
import { useRuleChange } from './use-rule-change';

// Dialogs and the export renderers load on their own, after the rules.
const EditPrioritiesDialog = dynamic(() => import('./edit-priorities-dialog').then((module) => module.EditPrioritiesDialog));
const ExportConfiguration = dynamic(() => import('./export-configuration').then((module) => module.ExportConfiguration));
const GlobalSettingsDialog = dynamic(() => import('./global-settings-dialog').then((module) => module.GlobalSettingsDialog));

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

/** The bucket's rules with their actions, the summary, and the export. */
export function ConfiguredReplication({ view, onUpdated }: { view: BucketReplicationView; onUpdated: (detail: string) => void }) {
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

