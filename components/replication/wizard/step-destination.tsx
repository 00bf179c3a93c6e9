'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { bucketsQuery, type BucketSummary } from '@/lib/queries/buckets';
import { REPLICATION_STORAGE_CLASSES, type StorageClass } from '@/lib/replication/constants';
import { Checkbox, FormSection, RadioGroup } from '../choice';
import { regionLabelWithCode } from '@/lib/regions';
import { setDraft, type StepProps } from './step-props';

const VERSIONING_LABEL: Record<BucketSummary['versioning'], string> = {
  Enabled: 'versioning enabled',
  Suspended: 'versioning suspended',
  NeverEnabled: 'versioning off',
  Unknown: 'versioning unknown',
};

function ReplicationKind({ source, destination }: { source?: BucketSummary; destination?: BucketSummary }) {
  if (!source || !destination) return null;
  const cross = source.region !== destination.region;
  return (
    <p className="text-sm">
      <Badge tone="info">{cross ? 'Cross-Region Replication (CRR)' : 'Same-Region Replication (SRR)'}</Badge>{' '}
      {regionLabelWithCode(source.region)} → {regionLabelWithCode(destination.region)}
    </p>
  );
}

function DestinationPicker({ draft, dispatch, errors, buckets }: StepProps & { buckets: BucketSummary[] }) {
  const options = buckets
    .filter((bucket) => bucket.name !== draft.sourceBucket)
    .map((bucket) => ({
      value: bucket.name,
      label: `${bucket.name} — ${regionLabelWithCode(bucket.region)} — ${VERSIONING_LABEL[bucket.versioning]}`,
    }));
  return (
    <Select
      label="Destination bucket"
      placeholder="Choose a bucket"
      options={options}
      value={draft.destinationBucket}
      errors={errors['destination.bucket']}
      onChange={(event) => setDraft(dispatch, { destinationBucket: event.target.value })}
    />
  );
}

export function StepDestination(props: StepProps) {
  const { draft, dispatch, errors } = props;
  const buckets = useQuery(bucketsQuery());
  const list = buckets.data?.buckets ?? [];
  const source = list.find((bucket) => bucket.name === draft.sourceBucket);
  const destination = draft.destinationAccount === 'this' ? list.find((bucket) => bucket.name === draft.destinationBucket) : undefined;
  return (
    <div className="space-y-4">
      <FormSection title="Destination">
        <RadioGroup
          legend="Destination bucket is"
          name="destination-account"
          value={draft.destinationAccount}
          onChange={(destinationAccount) => setDraft(dispatch, { destinationAccount, destinationBucket: '' })}
          options={[
            { value: 'this', label: 'A bucket in this account' },
            { value: 'other', label: 'A bucket in another account' },
          ]}
        />
        {draft.destinationAccount === 'this' ? (
          buckets.isError ? (
            <Alert tone="error" title="Could not list the buckets">
              {buckets.error.message}
            </Alert>
          ) : (
            <DestinationPicker {...props} buckets={list} />
          )
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Input
              label="Account ID"
              inputMode="numeric"
              value={draft.destinationAccountId}
              errors={errors['destination.accountId']}
              onChange={(event) => setDraft(dispatch, { destinationAccountId: event.target.value })}
            />
            <Input
              label="Bucket name"
              value={draft.destinationBucket}
              errors={errors['destination.bucket']}
              onChange={(event) => setDraft(dispatch, { destinationBucket: event.target.value })}
            />
          </div>
        )}
        <ReplicationKind source={source} destination={destination} />
        {destination && destination.versioning !== 'Enabled' ? (
          <Alert tone="warning" title={`Versioning is not enabled on ${destination.name}`}>
            Replication needs versioning on both buckets. Save will enable it on {destination.name}; once enabled, versioning can
            only be suspended, never turned off.
          </Alert>
        ) : null}
        {draft.destinationAccount === 'other' ? (
          <Alert title="The destination account must allow this">
            Its owner enables versioning on the bucket and applies the bucket policy shown on the Review step.
          </Alert>
        ) : null}
      </FormSection>
      <FormSection title="Destination options">
        <Checkbox
          label="Change the storage class for the replicated object(s)"
          hint="By default replicas keep the source object's storage class."
          checked={draft.changeStorageClass}
          onChange={(changeStorageClass) => setDraft(dispatch, { changeStorageClass })}
        />
        {draft.changeStorageClass ? (
          <Select
            label="Storage class"
            options={REPLICATION_STORAGE_CLASSES.map((value) => ({ value, label: value }))}
            value={draft.storageClass}
            errors={errors.storageClass}
            onChange={(event) => setDraft(dispatch, { storageClass: event.target.value as StorageClass })}
          />
        ) : null}
        <Checkbox
          label="Change object ownership to destination bucket owner"
          hint="Needs a destination bucket in another account: replicas are then owned by that account."
          checked={draft.ownerOverride}
          disabled={draft.destinationAccount !== 'other'}
          errors={errors.ownerOverride}
          onChange={(ownerOverride) => setDraft(dispatch, { ownerOverride })}
        />
        <Checkbox
          label="Delete marker replication"
          hint="Delete markers created by deleting an object without a version ID are replicated. Not allowed with tag filters."
          checked={draft.deleteMarkerReplication}
          errors={errors.deleteMarkerReplication}
          onChange={(deleteMarkerReplication) => setDraft(dispatch, { deleteMarkerReplication })}
        />
        <Checkbox
          label="Replica modification sync"
          hint="Metadata changes made on replicas (tags, ACLs, Object Lock settings) are replicated back."
          checked={draft.replicaModificationSync}
          errors={errors.replicaModificationSync}
          onChange={(replicaModificationSync) => setDraft(dispatch, { replicaModificationSync })}
        />
        <Checkbox
          label="Replication Time Control (15 minutes)"
          hint="Most objects replicate in seconds and 99.99% within 15 minutes. Turns on replication metrics."
          checked={draft.replicationTimeControl}
          errors={errors.replicationTimeControl}
          onChange={(replicationTimeControl) =>
            setDraft(dispatch, replicationTimeControl ? { replicationTimeControl, replicationMetrics: true } : { replicationTimeControl })
          }
        />
        <Checkbox
          label="Replication metrics"
          hint="Bytes and operations pending, replication latency and failed operations, per rule."
          checked={draft.replicationMetrics || draft.replicationTimeControl}
          disabled={draft.replicationTimeControl}
          errors={errors.replicationMetrics}
          onChange={(replicationMetrics) => setDraft(dispatch, { replicationMetrics })}
        />
      </FormSection>
    </div>
  );
}
