'use client';

import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { wizardBucketReplicationQuery } from '@/lib/queries/replication';

// The wizard is fetched while the configuration is read: it is not part of the page's first JavaScript.
const loadWizardStart = () => import('@/components/replication/wizard/wizard-start');
const WizardStart = lazy(() => loadWizardStart().then((module) => ({ default: module.WizardStart })));

/** Reads the source bucket's configuration (and its fingerprint) once, then starts the wizard from it. */
export function WizardLoader({ source, ruleId }: { source: string; ruleId?: string }) {
  const query = useQuery(wizardBucketReplicationQuery(source));
  useEffect(() => {
    void loadWizardStart();
  }, []);
  const reading = (
    <p className="flex items-center gap-2 text-sm">
      <Spinner label={null} /> Reading the replication configuration of {source}…
    </p>
  );
  if (query.isPending) return reading;
  if (query.isError) {
    return (
      <Alert tone="error" title={`Could not read bucket ${source}`} action={<Button onClick={() => void query.refetch()}>Try again</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  return (
    <Suspense fallback={reading}>
      <WizardStart source={source} ruleId={ruleId} view={query.data} />
    </Suspense>
  );
}
