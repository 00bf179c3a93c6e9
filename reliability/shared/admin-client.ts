import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '@/emulator/auth/sigv4-crypto';

export interface Endpoint {
  url: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** A SigV4-signed call to the endpoint's JSON admin API (`/_emulator/…`); returns the status and parsed body. */
export async function adminRequest<T>(
  endpoint: Endpoint,
  method: 'GET' | 'POST',
  route: string,
  input: { query?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const url = new URL(endpoint.url);
  const body = input.body === undefined ? undefined : JSON.stringify(input.body);
  const headers: Record<string, string> = { host: url.host };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const signer = new SignatureV4({ credentials: endpoint.credentials, region: 'us-east-1', service: 's3', sha256: NodeSha256 });
  const path = `/_emulator/${route}`;
  const query = input.query ?? {};
  const signed = await signer.sign({ method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path, query, headers, body });
  const search = Object.entries(query)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  const response = await fetch(`${endpoint.url}${path}${search ? `?${search}` : ''}`, {
    method,
    headers: signed.headers,
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Operations still queued or running for `bucket`, from the admin metrics route. */
export async function pendingReplications(endpoint: Endpoint, bucket: string): Promise<number> {
  const answer = await adminRequest<{ rules: { operationsPending: number }[] }>(endpoint, 'GET', 'replication/metrics', {
    query: { bucket },
  });
  if (answer.status !== 200) throw new Error(`metrics answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.rules.reduce((sum, rule) => sum + rule.operationsPending, 0);
}

/** Polls the metrics until nothing is pending (twice in a row, to step over a task that is being re-queued). */
export async function waitForReplicationDrain(endpoint: Endpoint, bucket: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleReadings = 0;
  while (idleReadings < 2) {
    if (Date.now() > deadline) throw new Error(`replication of ${bucket} did not drain within ${timeoutMs} ms`);
    idleReadings = (await pendingReplications(endpoint, bucket)) === 0 ? idleReadings + 1 : 0;
    if (idleReadings < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
