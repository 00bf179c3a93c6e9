import type { S3Context, S3Response } from '../../http/types';
import { S3Error } from '../errors';
import { maxKeysParam } from '../listing-params';
import { uploadParam } from '../multipart-params';
import { ACCOUNT_CANONICAL_ID, ACCOUNT_DISPLAY_NAME, ownerXml } from '../owner';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

export async function listParts(ctx: S3Context): Promise<S3Response> {
  const upload = uploadParam(ctx);
  const markerRaw = ctx.query.get('part-number-marker') ?? '0';
  if (!/^\d+$/.test(markerRaw)) {
    throw new S3Error('InvalidArgument', {
      message: 'Provided part-number-marker not an integer or within integer range',
      extra: { ArgumentName: 'part-number-marker', ArgumentValue: markerRaw },
    });
  }
  const marker = Number(markerRaw);
  const maxParts = maxKeysParam(ctx, 'max-parts');
  const { parts, isTruncated } = ctx.store.multipart.listParts(upload, marker, maxParts);
  const algorithm = upload.checksumAlgorithm;
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListPartsResult', [
      el('Bucket', ctx.bucket),
      el('Key', ctx.key),
      el('UploadId', upload.uploadId),
      el('PartNumberMarker', marker),
      el('NextPartNumberMarker', parts.at(-1)?.partNumber ?? marker),
      el('MaxParts', maxParts),
      el('IsTruncated', isTruncated),
      ...parts.map((part) =>
        el('Part', [
          el('PartNumber', part.partNumber),
          el('LastModified', isoSeconds(part.lastModified)),
          el('ETag', part.etag),
          el('Size', part.size),
          algorithm && part.checksumValue ? el(`Checksum${algorithm}`, part.checksumValue) : '',
        ]),
      ),
      el('Initiator', [el('ID', ACCOUNT_CANONICAL_ID), el('DisplayName', ACCOUNT_DISPLAY_NAME)]),
      ownerXml(),
      el('StorageClass', upload.attributes.storageClass),
      algorithm ? el('ChecksumAlgorithm', algorithm) : '',
    ]),
  };
}
