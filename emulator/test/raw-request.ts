import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { EmulatorHandle } from '../index';
import { sigV4Headers } from '../testing/sigv4.testkit';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Path plus optional query, exactly as sent on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sign with the emulator's root key (default true). */
  sign?: boolean;
  service?: string;
}

/** Sends one HTTP request exactly as given (optionally SigV4-signed), for what the SDK never sends. */
export async function rawRequest(emulator: EmulatorHandle, req: RawRequest): Promise<RawResponse> {
  const url = new URL(emulator.url);
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
  let headers: Record<string, string> = { host: url.host, ...req.headers };
  if (req.sign !== false) {
    const queryAt = req.path.indexOf('?');
    const query: Record<string, string> = {};
    if (queryAt >= 0) {
      for (const [name, value] of new URLSearchParams(req.path.slice(queryAt + 1))) query[name] = value;
    }
    headers['x-amz-content-sha256'] ??= createHash('sha256').update(body).digest('hex');
    headers = await sigV4Headers(emulator, {
      method: req.method,
      path: safeDecode(queryAt >= 0 ? req.path.slice(0, queryAt) : req.path),
      query,
      headers,
      body,
      service: req.service,
    });
  }
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export function errorCode(response: RawResponse): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(response.body)?.[1];
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
