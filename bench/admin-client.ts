import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '@/lib/aws/node-sha256';
import type { ServerUnderTest } from './servers';

/** GET of the embedded endpoint's JSON admin API (`/_emulator/...`), SigV4-signed with the root key. */
export async function adminGet<T>(server: Pick<ServerUnderTest, 'url' | 'credentials'>, path: string, query: Record<string, string>): Promise<T> {
  const url = new URL(server.url);
  const signer = new SignatureV4({ credentials: server.credentials, region: 'us-east-1', service: 's3', sha256: NodeSha256 });
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query,
    headers: { host: url.host },
  });
  const response = await fetch(`${server.url}${path}?${new URLSearchParams(query).toString()}`, {
    headers: signed.headers as Record<string, string>,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`admin ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}
