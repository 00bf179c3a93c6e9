import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import type { BackendInfo } from '@/lib/aws/backend';

export type ShownError = { code: string; message: string };

function EndpointHelp({ backend }: { backend: BackendInfo }) {
  if (backend.kind === 'embedded') {
    return (
      <>
        <p>
          The console could not reach the embedded S3 endpoint at <code className="font-mono">{backend.endpointUrl}</code>.
        </p>
        <p>
          Start the console and the endpoint together with <code className="font-mono">npm start</code>, or the endpoint alone
          with <code className="font-mono">npm run emulator</code>. If it listens elsewhere, set{' '}
          <code className="font-mono">EMULATOR_URL</code> for the console.
        </p>
      </>
    );
  }
  return (
    <p>
      The console could not reach AWS{backend.endpointUrl ? <> at <code className="font-mono">{backend.endpointUrl}</code></> : null}.
      Check the network and <code className="font-mono">AWS_ENDPOINT_URL</code> if you set one.
    </p>
  );
}

function helpFor(error: ShownError, backend: BackendInfo): ReactNode {
  if (error.code === 'EndpointUnreachable') return <EndpointHelp backend={backend} />;
  if (error.code === 'CredentialsError') {
    return backend.kind === 'embedded' ? (
      <p>{error.message}</p>
    ) : (
      <p>
        The AWS SDK found no credentials. Set <code className="font-mono">AWS_PROFILE</code> (or the usual AWS environment
        variables) before starting the console. {error.message}
      </p>
    );
  }
  return (
    <p>
      {error.message} <span className="text-gray-700">({error.code})</span>
    </p>
  );
}

/** Explains a failed read from S3/IAM, with what to do about the usual causes. */
export function BackendErrorAlert({
  title,
  error,
  backend,
  action,
}: {
  title: string;
  error: ShownError;
  backend: BackendInfo;
  action?: ReactNode;
}) {
  return (
    <Alert tone="error" title={title} action={action}>
      {helpFor(error, backend)}
    </Alert>
  );
}
