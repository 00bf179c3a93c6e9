import type { S3Context } from '../http/types';
import type { ListedVersion } from '../store/listing';
import { S3Error } from './errors';
import { ownerXml } from './owner';
import { isoSeconds } from './time';
import { el } from './xml';

export const MAX_LIST_KEYS = 1000;

/** max-keys / max-uploads / max-parts: a non-negative integer, capped at 1000. */
export function maxKeysParam(ctx: S3Context, name: string): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return MAX_LIST_KEYS;
  if (!/^\d+$/.test(raw) || Number(raw) > 2 ** 31 - 1) {
    throw new S3Error('InvalidArgument', {
      message: `Provided ${name} not an integer or within integer range`,
      extra: { ArgumentName: name, ArgumentValue: raw },
    });
  }
  return Math.min(Number(raw), MAX_LIST_KEYS);
}

/** encoding-type: absent or `url`. */
export function encodingTypeParam(ctx: S3Context): 'url' | undefined {
  const raw = ctx.query.get('encoding-type');
  if (raw === null) return undefined;
  if (raw.toLowerCase() !== 'url') {
    throw new S3Error('InvalidArgument', {
      message: 'Invalid Encoding Method specified in Request',
      extra: { ArgumentName: 'encoding-type', ArgumentValue: raw },
    });
  }
  return 'url';
}

/** S3's encoding-type=url: form encoding (space as '+'), '/' kept. */
export function urlEncodeKey(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encoder(encoding: 'url' | undefined): (value: string) => string {
  return encoding === 'url' ? urlEncodeKey : (value) => value;
}

export function contentsXml(
  version: ListedVersion,
  encode: (value: string) => string,
  options: { withOwner: boolean },
): string {
  return el('Contents', [
    el('Key', encode(version.key)),
    el('LastModified', isoSeconds(version.lastModified)),
    el('ETag', version.etag ?? ''),
    version.checksum ? el('ChecksumAlgorithm', version.checksum.algorithm) : '',
    version.checksum ? el('ChecksumType', version.checksum.type) : '',
    el('Size', version.size),
    options.withOwner ? ownerXml() : '',
    el('StorageClass', version.storageClass),
  ]);
}

export function commonPrefixXml(prefix: string, encode: (value: string) => string): string {
  return el('CommonPrefixes', [el('Prefix', encode(prefix))]);
}
