'use client';

import { CodeBlock } from '@/components/ui/code-block';
import { Tabs } from '@/components/ui/tabs';
import { toAwsCliCommand, toAwsCliJson, toCloudFormationYaml, toTerraform } from '@/lib/replication/export';
import type { ReplicationConfiguration } from '@/lib/replication/schema';

/** The configuration as the AWS CLI, Terraform and CloudFormation take it, each with a copy button. */
export function ExportConfiguration({ bucket, configuration }: { bucket: string; configuration: ReplicationConfiguration }) {
  return (
    <section aria-labelledby="export-heading" className="space-y-2">
      <h3 id="export-heading" className="text-base font-bold">
        Export
      </h3>
      <Tabs
        label="Export format"
        tabs={[
          {
            id: 'cli',
            label: 'AWS CLI',
            content: (
              <div className="space-y-2">
                <p className="text-sm">Save this JSON as replication.json:</p>
                <CodeBlock code={toAwsCliJson(configuration)} copyLabel="Copy AWS CLI JSON" />
                <p className="text-sm">then run:</p>
                <CodeBlock code={toAwsCliCommand(bucket, configuration, { file: 'replication.json' })} copyLabel="Copy AWS CLI command" />
              </div>
            ),
          },
          { id: 'terraform', label: 'Terraform', content: <CodeBlock code={toTerraform(bucket, configuration)} copyLabel="Copy Terraform" /> },
          {
            id: 'cloudformation',
            label: 'CloudFormation',
            content: <CodeBlock code={toCloudFormationYaml(configuration)} copyLabel="Copy CloudFormation" />,
          },
        ]}
      />
    </section>
  );
}
