import type { IncomingHttpHeaders } from 'node:http';
import type { ObjectAttributes, Tag } from '../store/types';
import { S3Error } from './errors';
import { MAX_OBJECT_TAGS, tagsFromHeader, validateTags } from './tags';

export const MAX_KEY_BYTES = 1024;
export const MAX_USER_METADATA_BYTES = 2048;

const STORAGE_CLASSES = new Set([
  'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE',
  'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE',
]);
const SSE_ALGORITHMS = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function checkKey(key: string): void {
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) {
    throw new S3Error('KeyTooLongError', { extra: { MaxSizeAllowed: String(MAX_KEY_BYTES), Size: String(size) } });
  }
}

export function userMetadataFromHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const metadata: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-amz-meta-') || value === undefined) continue;
    const metaName = name.slice('x-amz-meta-'.length);
    const metaValue = Array.isArray(value) ? value.join(',') : value;
    metadata[metaName] = metaValue;
    size += Buffer.byteLength(metaName, 'utf8') + Buffer.byteLength(metaValue, 'utf8');
  }
  if (size > MAX_USER_METADATA_BYTES) {
    throw new S3Error('MetadataTooLarge', { extra: { Size: String(size), MaxSizeAllowed: String(MAX_USER_METADATA_BYTES) } });
  }
  return metadata;
}

export function storageClassFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const value = header(headers, 'x-amz-storage-class');
  if (value === undefined) return undefined;
  if (!STORAGE_CLASSES.has(value)) throw new S3Error('InvalidStorageClass', { extra: { StorageClassRequested: value } });
  return value;
}

export function encryptionFromHeaders(headers: IncomingHttpHeaders): { sse: string | null; sseKmsKeyId: string | null } | undefined {
  if (header(headers, 'x-amz-server-side-encryption-customer-algorithm') !== undefined) {
    throw new S3Error('NotImplemented', { message: 'Server-side encryption with customer-provided keys is not implemented.' });
  }
  const sse = header(headers, 'x-amz-server-side-encryption');
  const keyId = header(headers, 'x-amz-server-side-encryption-aws-kms-key-id');
  if (sse === undefined) {
    if (keyId !== undefined) {
      throw new S3Error('InvalidArgument', {
        message: 'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
      });
    }
    return undefined;
  }
  if (!SSE_ALGORITHMS.has(sse)) {
    throw new S3Error('InvalidArgument', {
      message: 'The encryption method specified is not supported',
      extra: { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: sse },
    });
  }
  // NOTE: encryption settings are stored and returned; bytes are not encrypted at rest.
  return { sse, sseKmsKeyId: sse.startsWith('aws:kms') ? (keyId ?? null) : null };
}

export function tagsFromRequestHeaders(headers: IncomingHttpHeaders): Tag[] | undefined {
  const value = header(headers, 'x-amz-tagging');
  return value === undefined ? undefined : validateTags(tagsFromHeader(value), MAX_OBJECT_TAGS, 'object');
}

/** Content-* headers, Cache-Control and Expires as sent. */
export function contentHeadersFromRequest(headers: IncomingHttpHeaders): Pick<
  ObjectAttributes,
  'contentType' | 'contentEncoding' | 'contentDisposition' | 'contentLanguage' | 'cacheControl' | 'expires'
> {
  const encoding = header(headers, 'content-encoding');
  // aws-chunked is a transfer detail and is not stored (S3 drops it the same way).
  const storedEncoding = encoding
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== 'aws-chunked')
    .join(', ');
  return {
    contentType: header(headers, 'content-type') ?? null,
    contentEncoding: storedEncoding ? storedEncoding : null,
    contentDisposition: header(headers, 'content-disposition') ?? null,
    contentLanguage: header(headers, 'content-language') ?? null,
    cacheControl: header(headers, 'cache-control') ?? null,
    expires: header(headers, 'expires') ?? null,
  };
}

/** Everything a PutObject / CreateMultipartUpload stores from its headers. */
export function attributesFromRequest(headers: IncomingHttpHeaders): ObjectAttributes {
  const encryption = encryptionFromHeaders(headers);
  return {
    ...contentHeadersFromRequest(headers),
    userMetadata: userMetadataFromHeaders(headers),
    tags: tagsFromRequestHeaders(headers) ?? [],
    storageClass: storageClassFromHeaders(headers) ?? 'STANDARD',
    sse: encryption?.sse ?? null,
    sseKmsKeyId: encryption?.sseKmsKeyId ?? null,
  };
}
