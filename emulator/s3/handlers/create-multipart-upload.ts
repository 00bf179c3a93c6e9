import type { S3Context, S3Response } from '../../http/types';
import { parseChecksumAlgorithm } from '../../http/checksums';
import { S3Error } from '../errors';
import { attributesFromRequest, checkKey } from '../object-attributes';
import { ACCOUNT_CANONICAL_ID } from '../owner';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

export async function createMultipartUpload(ctx: S3Context): Promise<S3Response> {
  checkKey(ctx.key);
  ctx.store.buckets.require(ctx.bucket);
  const attributes = attributesFromRequest(ctx.headers);
  const rawAlgorithm = ctx.headers['x-amz-checksum-algorithm'];
  let checksumAlgorithm: string | null = null;
  if (typeof rawAlgorithm === 'string') {
    const parsed = parseChecksumAlgorithm(rawAlgorithm);
    if (!parsed) {
      throw new S3Error('InvalidRequest', { message: 'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]' });
    }
    checksumAlgorithm = parsed;
  }
  const upload = ctx.store.multipart.create(ctx.bucket, ctx.key, attributes, ACCOUNT_CANONICAL_ID, checksumAlgorithm);
  const headers = xmlResponseHeaders();
  if (checksumAlgorithm) headers['x-amz-checksum-algorithm'] = checksumAlgorithm;
  if (attributes.sse) headers['x-amz-server-side-encryption'] = attributes.sse;
  return {
    status: 200,
    headers,
    body: xmlDocument('InitiateMultipartUploadResult', [
      el('Bucket', ctx.bucket),
      el('Key', ctx.key),
      el('UploadId', upload.uploadId),
    ]),
  };
}
