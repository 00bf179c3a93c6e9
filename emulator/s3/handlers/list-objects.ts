import type { S3Context, S3Response } from '../../http/types';
import { commonPrefixXml, contentsXml, encoder, encodingTypeParam, maxKeysParam } from '../listing-params';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

export async function listObjects(ctx: S3Context): Promise<S3Response> {
  const prefix = ctx.query.get('prefix') ?? '';
  const delimiter = ctx.query.get('delimiter') ?? '';
  const marker = ctx.query.get('marker') ?? '';
  const maxKeys = maxKeysParam(ctx, 'max-keys');
  const encodingType = encodingTypeParam(ctx);
  const encode = encoder(encodingType);
  const page = ctx.store.listing.currentObjects(ctx.bucket, {
    prefix,
    delimiter,
    maxKeys,
    after: marker === '' ? undefined : marker,
  });
  const last = page.entries.at(-1);
  const nextMarker =
    page.isTruncated && delimiter !== '' && last ? (last.kind === 'row' ? last.row.key : last.prefix) : undefined;
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListBucketResult', [
      el('Name', ctx.bucket),
      el('Prefix', encode(prefix)),
      el('Marker', encode(marker)),
      el('MaxKeys', maxKeys),
      delimiter ? el('Delimiter', encode(delimiter)) : '',
      el('IsTruncated', page.isTruncated),
      nextMarker !== undefined ? el('NextMarker', encode(nextMarker)) : '',
      encodingType ? el('EncodingType', encodingType) : '',
      ...page.entries.map((entry) =>
        entry.kind === 'row' ? contentsXml(entry.row, encode, { withOwner: true }) : commonPrefixXml(entry.prefix, encode),
      ),
    ]),
  };
}
