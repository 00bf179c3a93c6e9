import { BackendErrorAlert, type ShownError } from '@/components/backend-error-alert';
import { CodeBlock } from '@/components/ui/code-block';
import { KeyValueList } from '@/components/ui/key-value-list';
import type { BackendInfo } from '@/lib/aws/backend';
import { Section } from './section';

export type CallerIdentity = { account: string; arn: string };

/** What the console uses when it talks to AWS. No secret is shown: the SDK's credential chain holds them. */
export function AwsConnect({
  backend,
  identity,
}: {
  backend: Extract<BackendInfo, { kind: 'aws' }>;
  identity: CallerIdentity | { error: ShownError };
}) {
  return (
    <>
      <Section
        id="aws-heading"
        title="AWS"
        description="The console uses the AWS SDK's standard credential chain. Change the profile or region by restarting it with other AWS_PROFILE / AWS_REGION values."
      >
        <KeyValueList
          items={[
            { key: 'profile', label: 'Profile', value: <code className="font-mono">{backend.profile}</code> },
            {
              key: 'region',
              label: 'Region',
              value: backend.region ? <code className="font-mono">{backend.region}</code> : 'Not set (set AWS_REGION)',
            },
            ...(backend.endpointUrl
              ? [{ key: 'endpoint', label: 'Endpoint override', value: <code className="font-mono">{backend.endpointUrl}</code> }]
              : []),
            ...('error' in identity
              ? []
              : [
                  { key: 'account', label: 'Account', value: <code className="font-mono">{identity.account}</code> },
                  { key: 'arn', label: 'Signed in as', value: <code className="font-mono">{identity.arn}</code> },
                ]),
          ]}
        />
        {'error' in identity ? (
          <BackendErrorAlert title="Could not tell who the credentials belong to" error={identity.error} backend={backend} />
        ) : null}
      </Section>
      <Section
        id="embedded-heading"
        title="Use the embedded endpoint instead"
        description="Start the console without CONSOLE_BACKEND (and without AWS_ENDPOINT_URL): it starts its own S3 and IAM endpoint."
      >
        <CodeBlock code="npm start" copyLabel="Copy the command that starts the console with the embedded endpoint" />
      </Section>
    </>
  );
}
