'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { RegionText } from '@/components/buckets/region-text';
import { Alert } from '@/components/ui/alert';
import { KeyValueList } from '@/components/ui/key-value-list';
import { Spinner } from '@/components/ui/spinner';
import { bucketPropertiesQuery } from '@/lib/queries/bucket';
import { BucketTagsEditor } from './bucket-tags-editor';
import { VersioningEditor } from './versioning-editor';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-xl border border-line bg-white p-4">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Properties tab: overview (region), Bucket Versioning and tags. */
export function BucketPropertiesView({ bucket }: { bucket: string }) {
  const { data, error, isPending } = useQuery(bucketPropertiesQuery(bucket));
  if (isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-gray-700">
        <Spinner label={null} /> Loading properties…
      </p>
    );
  }
  if (error) {
    return (
      <Alert tone="error" title="Could not read the bucket's properties">
        <p>{error.message}</p>
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      <Panel id="overview-heading" title="Bucket overview">
        <KeyValueList
          items={[
            { key: 'name', label: 'Name', value: data.name },
            { key: 'region', label: 'AWS Region', value: <RegionText code={data.region} /> },
            { key: 'arn', label: 'Amazon Resource Name (ARN)', value: <span className="font-mono">arn:aws:s3:::{data.name}</span> },
            {
              key: 'replication',
              label: 'Replication rules',
              value: data.replicationRules === 0 ? 'None' : `${data.replicationRules} (see the Management tab)`,
            },
          ]}
        />
      </Panel>
      <Panel id="versioning-heading" title="Bucket Versioning">
        <VersioningEditor properties={data} />
      </Panel>
      <Panel id="tags-heading" title="Tags">
        <BucketTagsEditor bucket={bucket} tags={data.tags} />
      </Panel>
    </div>
  );
}
