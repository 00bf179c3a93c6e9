import type { IncomingHttpHeaders } from 'node:http';
import type { ObjectVersion } from '../store/types';
import { S3Error } from './errors';
import { httpDate, toSeconds } from './time';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function etagMatches(condition: string, etag: string | null): boolean {
  if (!etag) return false;
  const bare = etag.replace(/^"|"$/g, '');
  return condition.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '').replace(/^"|"$/g, '') === bare;
  });
}

function parseDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * RFC 7232 conditional headers as S3 evaluates them for GET/HEAD (`prefix` '') and for copy sources
 * (`prefix` 'x-amz-copy-source-', where a would-be 304 is a 412 as well).
 */
export function checkPreconditions(headers: IncomingHttpHeaders, version: ObjectVersion, prefix = ''): void {
  const ifMatch = header(headers, `${prefix}if-match`);
  const ifNoneMatch = header(headers, `${prefix}if-none-match`);
  const ifModifiedSince = parseDate(header(headers, `${prefix}if-modified-since`));
  const ifUnmodifiedSince = parseDate(header(headers, `${prefix}if-unmodified-since`));
  const modified = toSeconds(version.lastModified);
  const isCopy = prefix !== '';

  const failed = (condition: string) =>
    new S3Error('PreconditionFailed', { extra: { Condition: condition } });
  const notModified = () =>
    new S3Error('NotModified', {
      headers: { etag: version.etag ?? '', 'last-modified': httpDate(version.lastModified) },
    });

  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, version.etag)) throw failed(`${isCopy ? 'x-amz-copy-source-' : ''}If-Match`);
  } else if (ifUnmodifiedSince !== undefined && modified > ifUnmodifiedSince) {
    throw failed(`${isCopy ? 'x-amz-copy-source-' : ''}If-Unmodified-Since`);
  }
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, version.etag)) {
      throw isCopy ? failed('x-amz-copy-source-If-None-Match') : notModified();
    }
  } else if (ifModifiedSince !== undefined && ifModifiedSince <= Date.now() && modified <= ifModifiedSince) {
    throw isCopy ? failed('x-amz-copy-source-If-Modified-Since') : notModified();
  }
}
