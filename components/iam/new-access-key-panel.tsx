'use client';

import { CopyableValue } from '@/components/connect/copyable-value';
import { SecretValue } from '@/components/connect/secret-value';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { KeyValueList } from '@/components/ui/key-value-list';

export type ShownAccessKey = { userName: string; accessKeyId: string; secretAccessKey: string };

/** AWS's credentials .csv for a new key: one header line, one line of values. */
export function accessKeyCsv(key: ShownAccessKey): string {
  return `Access key ID,Secret access key\r\n${key.accessKeyId},${key.secretAccessKey}\r\n`;
}

function downloadCsv(key: ShownAccessKey): void {
  const url = URL.createObjectURL(new Blob([accessKeyCsv(key)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${key.userName}_accessKeys.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The one time a secret access key can be seen: copy buttons and the .csv download. Never stored. */
export function NewAccessKeyPanel({ accessKey, onDone }: { accessKey: ShownAccessKey; onDone: () => void }) {
  return (
    <Alert
      tone="success"
      title={`Access key created for ${accessKey.userName}`}
      action={
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      }
    >
      <p>
        This is the <strong>only</strong> time the secret access key can be viewed or downloaded. Save it now: you cannot recover it
        later, only create a new key.
      </p>
      <KeyValueList
        items={[
          { key: 'id', label: 'Access key ID', value: <CopyableValue value={accessKey.accessKeyId} name="access key ID" /> },
          { key: 'secret', label: 'Secret access key', value: <SecretValue value={accessKey.secretAccessKey} name="secret access key" /> },
        ]}
      />
      <Button onClick={() => downloadCsv(accessKey)}>Download .csv file</Button>
    </Alert>
  );
}
