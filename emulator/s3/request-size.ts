import type { IncomingHttpHeaders } from 'node:http';
import { S3Error } from './errors';

export const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A body must declare its length (Content-Length or chunked transfer) and stay within `maxBytes`. */
export function checkDeclaredSize(headers: IncomingHttpHeaders, maxBytes: number): void {
  const contentLength = header(headers, 'content-length');
  const decodedLength = header(headers, 'x-amz-decoded-content-length');
  const chunked = (header(headers, 'transfer-encoding') ?? '').toLowerCase().includes('chunked');
  if (contentLength === undefined && !chunked) throw new S3Error('MissingContentLength');
  const declared = decodedLength ?? contentLength;
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    throw new S3Error('EntityTooLarge', { extra: { ProposedSize: declared, MaxSizeAllowed: String(maxBytes) } });
  }
}
