import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { EmulatorHandle } from '../index';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

/** A SigV4-signed request to the endpoint (raw bodies for S3, and the JSON admin API), as fetch does it. */
export async function signedFetch(
  emulator: EmulatorHandle,
  request: {
    method: string;
    path: string;
    query?: Record<string, string>;
    body?: string;
    contentType?: string;
    service?: string;
    /** The root key unless given. */
    credentials?: { accessKeyId: string; secretAccessKey: string };
  },
): Promise<Response> {
  const url = new URL(emulator.url);
  const signer = new SignatureV4({
    credentials: request.credentials ?? emulator.credentials,
    region: 'us-east-1',
    service: request.service ?? 's3',
    sha256: Sha256,
  });
  const headers: Record<string, string> = { host: url.host };
  if (request.contentType) headers['content-type'] = request.contentType;
  const signed = await signer.sign({
    method: request.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path,
    query: request.query ?? {},
    headers,
    body: request.body,
  });
  const query = new URLSearchParams(request.query ?? {}).toString().replace(/=(&|$)/g, '$1');
  const target = `${emulator.url}${request.path}${query ? `?${query}` : ''}`;
  return fetch(target, { method: request.method, headers: signed.headers, body: request.body });
}
