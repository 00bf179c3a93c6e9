import type { S3Context, S3Response } from '../http/types';
import { objectResponseHeaders } from './object-response-headers';
import { checkPreconditions } from './preconditions';
import { parseRange } from './range';

const RESPONSE_OVERRIDES: [string, string][] = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
];

function header(ctx: S3Context, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// NOTE: the partNumber query parameter is ignored (the whole object or the Range is served).
/** GetObject and HeadObject: the same resolution, preconditions, range and headers; HEAD sends no body. */
export async function readObject(ctx: S3Context, method: 'GET' | 'HEAD'): Promise<S3Response> {
  const bucket = ctx.store.buckets.require(ctx.bucket);
  const versionId = ctx.query.get('versionId') ?? undefined;
  const version = ctx.store.objects.resolveForRead(ctx.bucket, ctx.key, versionId, method);
  checkPreconditions(ctx.headers, version);
  const range = parseRange(header(ctx, 'range'), version.size);
  const checksumMode = header(ctx, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED';
  // A full-object checksum does not describe a range, so S3 sends none for ranged reads.
  const headers = objectResponseHeaders(version, bucket, { includeChecksum: checksumMode && range === undefined });
  for (const [param, name] of RESPONSE_OVERRIDES) {
    const override = ctx.query.get(param);
    if (override !== null) headers[name] = override;
  }
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${version.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
  } else {
    headers['content-length'] = String(version.size);
  }
  const status = range ? 206 : 200;
  if (method === 'HEAD') return { status, headers };
  return { status, headers, body: ctx.store.objects.contentForResponse(version, range) };
}
