import type { S3Context, S3Response } from '../../http/types';
import { commonPrefixXml, encoder, encodingTypeParam, maxKeysParam } from '../listing-params';
import { ACCOUNT_CANONICAL_ID, ACCOUNT_DISPLAY_NAME, ownerXml } from '../owner';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

export async function listMultipartUploads(ctx: S3Context): Promise<S3Response> {
  const prefix = ctx.query.get('prefix') ?? '';
  const delimiter = ctx.query.get('delimiter') ?? '';
  const keyMarker = ctx.query.get('key-marker') ?? '';
  const uploadIdMarker = ctx.query.get('upload-id-marker') ?? '';
  const maxUploads = maxKeysParam(ctx, 'max-uploads');
  const encodingType = encodingTypeParam(ctx);
  const encode = encoder(encodingType);
  const page = ctx.store.multipart.listUploads(ctx.bucket, {
    prefix,
    delimiter,
    keyMarker: keyMarker || undefined,
    uploadIdMarker: keyMarker && uploadIdMarker ? uploadIdMarker : undefined,
    maxUploads,
  });
  const last = page.entries.at(-1);
  const next: string[] = [];
  if (page.isTruncated && last) {
    next.push(el('NextKeyMarker', encode(last.kind === 'row' ? last.row.key : last.prefix)));
    next.push(el('NextUploadIdMarker', last.kind === 'row' ? last.row.uploadId : ''));
  }
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListMultipartUploadsResult', [
      el('Bucket', ctx.bucket),
      el('KeyMarker', encode(keyMarker)),
      el('UploadIdMarker', uploadIdMarker),
      ...next,
      el('Prefix', encode(prefix)),
      delimiter ? el('Delimiter', encode(delimiter)) : '',
      el('MaxUploads', maxUploads),
      el('IsTruncated', page.isTruncated),
      encodingType ? el('EncodingType', encodingType) : '',
      ...page.entries.map((entry) =>
        entry.kind === 'row'
          ? el('Upload', [
              el('Key', encode(entry.row.key)),
              el('UploadId', entry.row.uploadId),
              el('Initiator', [el('ID', ACCOUNT_CANONICAL_ID), el('DisplayName', ACCOUNT_DISPLAY_NAME)]),
              ownerXml(),
              el('StorageClass', entry.row.attributes.storageClass),
              el('Initiated', isoSeconds(entry.row.initiatedAt)),
              entry.row.checksumAlgorithm ? el('ChecksumAlgorithm', entry.row.checksumAlgorithm) : '',
            ])
          : commonPrefixXml(entry.prefix, encode),
      ),
    ]),
  };
}
