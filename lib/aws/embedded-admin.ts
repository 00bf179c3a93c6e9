import 'server-only';
import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { consoleEnv } from '@/lib/env';
import { EMBEDDED_DEFAULT_REGION } from './clients';
import { embeddedCredentials } from './embedded-credentials';
import { NodeSha256 } from './node-sha256';

/**
 * Client of the embedded endpoint's JSON admin API (`/_emulator/...`), signed with SigV4 (service `s3`)
 * by the endpoint's root key. Only meaningful with the embedded backend.
 */

export const ADMIN_PATH_PREFIX = '/_emulator/';

export class EmbeddedAdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedAdminError';
  }
}

type SignableRequest = Parameters<SignatureV4['sign']>[0];

const signer = new SignatureV4({
  service: 's3',
  region: EMBEDDED_DEFAULT_REGION,
  credentials: embeddedCredentials,
  sha256: NodeSha256,
  uriEscapePath: false,
});

function adminUrl(pathAndQuery: string): URL {
  if (!pathAndQuery.startsWith(ADMIN_PATH_PREFIX)) {
    throw new Error(`Admin paths start with ${ADMIN_PATH_PREFIX}: ${pathAndQuery}`);
  }
  const env = consoleEnv();
  if (env.backend !== 'embedded') throw new Error('The admin API exists only on the embedded endpoint.');
  return new URL(pathAndQuery, `${env.emulatorUrl}/`);
}

export type AdminRequest = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal };

/** A signed request to the admin API; resolves to the raw response (any status). */
export async function embeddedAdminFetch(pathAndQuery: string, request: AdminRequest = {}): Promise<Response> {
  const url = adminUrl(pathAndQuery);
  const method = request.method ?? 'GET';
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const unsigned: SignableRequest = {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: {
      host: url.host,
      'x-amz-content-sha256': createHash('sha256')
        .update(body ?? '')
        .digest('hex'),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body,
  };
  const signed = await signer.sign(unsigned);
  return fetch(url, { method, headers: signed.headers, body, signal: request.signal, cache: 'no-store' });
}

/** A signed admin request whose 2xx JSON body is returned; other statuses throw EmbeddedAdminError. */
export async function embeddedAdminJson<T>(
  pathAndQuery: string,
  parse: (json: unknown) => T,
  request?: AdminRequest,
): Promise<T> {
  const response = await embeddedAdminFetch(pathAndQuery, request);
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new EmbeddedAdminError(
      response.status,
      typeof error?.code === 'string' ? error.code : `Http${response.status}`,
      typeof error?.message === 'string' ? error.message : `The admin API answered ${response.status}.`,
    );
  }
  return parse(json);
}

export type EmbeddedHealth = { reachable: true } | { reachable: false; reason: string };

/** `GET /_emulator/health` (unauthenticated). Never throws. */
export async function embeddedHealth(timeoutMs = 2_000): Promise<EmbeddedHealth> {
  try {
    const response = await fetch(adminUrl(`${ADMIN_PATH_PREFIX}health`), {
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    return response.ok ? { reachable: true } : { reachable: false, reason: `health check answered ${response.status}` };
  } catch (error) {
    return { reachable: false, reason: error instanceof Error ? error.message : 'health check failed' };
  }
}
