import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { CodeBlock } from '@/components/ui/code-block';
import { KeyValueList } from '@/components/ui/key-value-list';
import type { StaticCredentials } from '@/lib/aws/credentials-file';
import { AWS_BACKEND_START_COMMAND, configureSetCommands, tutorialCommands } from './cli-commands';
import { CopyableValue } from './copyable-value';
import { SecretValue } from './secret-value';
import { Section } from './section';

export type EmbeddedConnectProps = {
  endpointUrl: string;
  region: string;
  reachable: boolean;
  credentials: StaticCredentials | { missing: string };
};

function ConfigureValues({ credentials, region }: { credentials: StaticCredentials; region: string }) {
  return (
    <>
      <KeyValueList
        items={[
          {
            key: 'id',
            label: 'AWS Access Key ID',
            value: <CopyableValue value={credentials.accessKeyId} name="access key ID" />,
          },
          {
            key: 'secret',
            label: 'AWS Secret Access Key',
            value: <SecretValue value={credentials.secretAccessKey} name="secret access key" />,
          },
          { key: 'region', label: 'Default region name', value: <CopyableValue value={region} name="region" /> },
          { key: 'output', label: 'Default output format', value: <CopyableValue value="json" name="output format" /> },
        ]}
      />
      <p className="text-sm text-gray-700">Or set them without the prompts:</p>
      <CodeBlock
        code={configureSetCommands({ ...credentials, region })}
        shownCode={configureSetCommands({ ...credentials, secretAccessKey: '•'.repeat(12), region })}
        copyLabel="Copy the aws configure commands"
      />
    </>
  );
}

/** How to reach the embedded endpoint with the AWS CLI (the key shown here is the local endpoint's root key). */
export function EmbeddedConnect({ endpointUrl, region, reachable, credentials }: EmbeddedConnectProps) {
  return (
    <>
      <Section
        id="endpoint-heading"
        title="Endpoint"
        description="The console talks to the embedded S3 and IAM endpoint. Any AWS SDK or the AWS CLI can use it too."
      >
        <KeyValueList
          items={[
            { key: 'url', label: 'Endpoint URL', value: <CopyableValue value={endpointUrl} name="endpoint URL" /> },
            {
              key: 'status',
              label: 'Status',
              value: reachable ? <Badge tone="success">Answering</Badge> : <Badge tone="error">Not answering</Badge>,
            },
          ]}
        />
        {reachable ? null : (
          <Alert tone="warning" title="The endpoint is not answering">
            <p>
              Start it with <code className="font-mono">npm start</code> (console and endpoint) or{' '}
              <code className="font-mono">npm run emulator</code>.
            </p>
          </Alert>
        )}
      </Section>

      <Section
        id="configure-heading"
        title="aws configure"
        description={
          <>
            Run <code className="font-mono">aws configure</code> and answer with these values. This is the endpoint&apos;s root
            key: it only works against this local endpoint, and anyone who can open this page can read it.
          </>
        }
      >
        {'missing' in credentials ? (
          <Alert tone="warning" title="No key to show yet">
            <p>{credentials.missing}</p>
          </Alert>
        ) : (
          <ConfigureValues credentials={credentials} region={region} />
        )}
      </Section>

      <Section
        id="commands-heading"
        title="The tutorial's commands"
        description="Add --endpoint-url to every command so that the CLI talks to this endpoint instead of AWS."
      >
        {tutorialCommands(endpointUrl).map((item) => (
          <div key={item.id} className="space-y-2">
            <h3 className="text-sm font-bold">{item.title}</h3>
            <CodeBlock code={item.command} copyLabel={`Copy: ${item.title}`} />
          </div>
        ))}
      </Section>

      <Section
        id="aws-heading"
        title="Use real AWS instead"
        description="Start the console with CONSOLE_BACKEND=aws. It then uses the AWS SDK's standard credential chain (AWS_PROFILE, environment variables, SSO, instance roles) and stores no keys of its own."
      >
        <CodeBlock code={AWS_BACKEND_START_COMMAND} copyLabel="Copy the command that starts the console against AWS" />
      </Section>
    </>
  );
}
