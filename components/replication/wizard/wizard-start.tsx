'use client';

import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import type { BucketReplicationView } from '@/lib/replication-console/views';
import { ReplicationWizard } from './replication-wizard';
import { editRuleDraft, newRuleDraft } from './wizard-state';

/** Starts the wizard from the source bucket's configuration: a new rule, or the rule `ruleId` to edit. */
export function WizardStart({ source, ruleId, view }: { source: string; ruleId?: string; view: BucketReplicationView }) {
  const draft =
    ruleId === undefined
      ? newRuleDraft(source, view.configuration, view.fingerprint)
      : view.configuration
        ? editRuleDraft(source, view.configuration, view.fingerprint, ruleId)
        : undefined;
  if (!draft) {
    return (
      <Alert tone="error" title={`Bucket ${source} has no rule named ${ruleId}`} action={<ButtonLink href={`/buckets/${encodeURIComponent(source)}/management`}>Back to the bucket</ButtonLink>}>
        It may have been deleted or renamed since you opened this page.
      </Alert>
    );
  }
  // The wizard's reducer starts from this draft once; later reads do not reset what the person has entered.
  return <ReplicationWizard initialDraft={draft} currentRole={view.configuration?.Role ?? null} />;
}
