import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AwsConnect, type CallerIdentity } from '@/components/connect/aws-connect';
import { EmbeddedConnect, type EmbeddedConnectProps } from '@/components/connect/embedded-connect';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { describeBackend } from '@/lib/aws/backend';
import { stsClient } from '@/lib/aws/clients';
import { embeddedHealth } from '@/lib/aws/embedded-admin';
import { embeddedCredentials, EmbeddedCredentialsMissingError } from '@/lib/aws/embedded-credentials';
import { errorBody } from '@/lib/aws/route-handler';
import type { ShownError } from '@/components/backend-error-alert';

export const metadata: Metadata = { title: 'Connect' };

async function embeddedKey(): Promise<EmbeddedConnectProps['credentials']> {
  try {
    return await embeddedCredentials();
  } catch (error) {
    if (error instanceof EmbeddedCredentialsMissingError) return { missing: error.message };
    throw error;
  }
}

async function callerIdentity(): Promise<CallerIdentity | { error: ShownError }> {
  try {
    const identity = await stsClient().send(new GetCallerIdentityCommand({}));
    return { account: identity.Account ?? 'unknown', arn: identity.Arn ?? 'unknown' };
  } catch (error) {
    return { error: errorBody(error).body.error };
  }
}

/** Server-rendered on purpose: the embedded root key reaches the browser only on this page, as HTML. */
export default async function ConnectPage() {
  await connection();
  const backend = await describeBackend();
  return (
    <>
      <Breadcrumbs items={[{ label: 'Amazon S3', href: '/buckets' }, { label: 'Connect' }]} />
      <PageHeader
        title="Connect"
        description="Use the AWS CLI, as the tutorial does, against the same backend the console uses."
      />
      {backend.kind === 'embedded' ? (
        <EmbeddedConnect
          endpointUrl={backend.endpointUrl}
          region={backend.region}
          reachable={(await embeddedHealth()).reachable}
          credentials={await embeddedKey()}
        />
      ) : (
        <AwsConnect backend={backend} identity={await callerIdentity()} />
      )}
    </>
  );
}
