import type { S3Context, S3Response } from '../../http/types';
import type { WalkCursor } from '../../store/key-walk';
import { S3Error } from '../errors';
import { commonPrefixXml, contentsXml, encoder, encodingTypeParam, maxKeysParam } from '../listing-params';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

function encodeToken(cursor: WalkCursor<never>): string {
  return Buffer.from(JSON.stringify({ k: cursor.key, i: cursor.inclusive })).toString('base64');
}

function decodeToken(token: string): WalkCursor<never> {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { k?: unknown; i?: unknown };
    if (typeof parsed.k === 'string' && typeof parsed.i === 'boolean') return { key: parsed.k, inclusive: parsed.i };
  } catch {
    // fall through
  }
  throw new S3Error('InvalidArgument', {
    message: 'The continuation token provided is incorrect',
    extra: { ArgumentName: 'continuation-token', ArgumentValue: token },
  });
}

export async function listObjectsV2(ctx: S3Context): Promise<S3Response> {
  const prefix = ctx.query.get('prefix') ?? '';
  const delimiter = ctx.query.get('delimiter') ?? '';
  const startAfter = ctx.query.get('start-after') ?? '';
  const continuationToken = ctx.query.get('continuation-token');
  const fetchOwner = ctx.query.get('fetch-owner') === 'true';
  const maxKeys = maxKeysParam(ctx, 'max-keys');
  const encodingType = encodingTypeParam(ctx);
  const encode = encoder(encodingType);
  const page = ctx.store.listing.currentObjects(ctx.bucket, {
    prefix,
    delimiter,
    maxKeys,
    after: startAfter === '' ? undefined : startAfter,
    resumeAt: continuationToken !== null ? decodeToken(continuationToken) : undefined,
  });
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListBucketResult', [
      el('Name', ctx.bucket),
      el('Prefix', encode(prefix)),
      delimiter ? el('Delimiter', encode(delimiter)) : '',
      el('MaxKeys', maxKeys),
      el('KeyCount', page.entries.length),
      el('IsTruncated', page.isTruncated),
      continuationToken !== null ? el('ContinuationToken', continuationToken) : '',
      page.isTruncated && page.next ? el('NextContinuationToken', encodeToken(page.next)) : '',
      startAfter ? el('StartAfter', encode(startAfter)) : '',
      encodingType ? el('EncodingType', encodingType) : '',
      ...page.entries.map((entry) =>
        entry.kind === 'row' ? contentsXml(entry.row, encode, { withOwner: fetchOwner }) : commonPrefixXml(entry.prefix, encode),
      ),
    ]),
  };
}
