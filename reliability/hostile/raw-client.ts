import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { sigV4Headers } from '@/emulator/testing/sigv4.testkit';
import type { Endpoint } from '../shared/admin-client';

export interface HostileRequest {
  method: string;
  /** Path and query exactly as they go on the wire (already percent-encoded, or deliberately not). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sign with the root key for this service (default: unsigned). */
  signFor?: 's3' | 'iam';
  /** Content-Length sent; default the body's length. */
  contentLength?: number | null;
}

export interface HostileResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

export const REQUEST_TIMEOUT_MS = 10_000;

function queryObject(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const part of rawQuery.split('&').filter(Boolean)) {
    const at = part.indexOf('=');
    const name = safeDecode(at < 0 ? part : part.slice(0, at));
    const value = at < 0 ? '' : safeDecode(part.slice(at + 1));
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** SigV4 headers for the request as it will be sent. */
function signedHeaders(endpoint: Endpoint, req: HostileRequest, body: Buffer): Promise<Record<string, string>> {
  const queryAt = req.path.indexOf('?');
  const headers: Record<string, string> = { host: new URL(endpoint.url).host, ...req.headers };
  if (req.signFor === 's3') headers['x-amz-content-sha256'] ??= createHash('sha256').update(body).digest('hex');
  return sigV4Headers(endpoint, {
    method: req.method,
    // The wire path is already percent-encoded, as S3's canonical URI wants it.
    path: queryAt >= 0 ? req.path.slice(0, queryAt) : req.path,
    query: queryObject(queryAt >= 0 ? req.path.slice(queryAt + 1) : ''),
    headers,
    body,
    service: req.signFor,
  });
}

/** One request over node:http, failing (not hanging) after REQUEST_TIMEOUT_MS. */
export async function send(endpoint: Endpoint, req: HostileRequest): Promise<HostileResponse> {
  const url = new URL(endpoint.url);
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
  const headers = req.signFor ? await signedHeaders(endpoint, req, body) : { host: url.host, ...req.headers };
  if (req.contentLength !== null) headers['content-length'] = String(req.contentLength ?? body.length);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, timeout: REQUEST_TIMEOUT_MS, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
        });
        res.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${req.method} ${req.path}`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Sends the head of a request and only part of its body, then closes the connection (a client that gives up
 * mid-upload). Resolves when the socket is closed; whatever the endpoint answers is ignored.
 */
export async function sendTruncated(
  endpoint: Endpoint,
  req: HostileRequest & { declaredLength: number; sentBytes: number; abort: 'end' | 'destroy' },
): Promise<void> {
  const url = new URL(endpoint.url);
  const partial = Buffer.alloc(req.sentBytes, 0x61);
  const full = Buffer.alloc(req.declaredLength, 0x61);
  const headers = req.signFor ? await signedHeaders(endpoint, { ...req, headers: { ...req.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, full) : { host: url.host, ...req.headers };
  headers['content-length'] = String(req.declaredLength);
  const head = `${req.method} ${req.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n`;
  await new Promise<void>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(head);
      socket.write(partial, () => {
        if (req.abort === 'destroy') socket.destroy();
        else socket.end();
      });
    });
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy(new Error('truncated upload: socket timeout')));
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
  });
}

/** Percent-encodes a key byte by byte as SigV4 does (RFC 3986 unreserved characters and `/` stay as they are). */
export function encodeKey(key: string | Uint8Array): string {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  let encoded = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-._~/]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

export const errorCodeOf = (response: HostileResponse): string | undefined => /<Code>([^<]*)<\/Code>/.exec(response.body)?.[1];
