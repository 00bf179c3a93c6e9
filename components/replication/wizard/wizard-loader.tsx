'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { wizardBucketReplicationQuery } from '@/lib/queries/replication';
import { ReplicationWizard } from './replication-wizard';
import { editRuleDraft, newRuleDraft } from './wizard-state';

/** Reads the source bucket's configuration (and its fingerprint) once, then starts the wizard from it. */
export function WizardLoader({ source, ruleId }: { source: string; ruleId?: string }) {
  const query = useQuery(wizardBucketReplicationQuery(source));
  if (query.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm">
        <Spinner label={null} /> Reading the replication configuration of {source}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <Alert tone="error" title={`Could not read bucket ${source}`} action={<Button onClick={() => void query.refetch()}>Try again</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  const view = query.data;
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
