import type { S3Context, S3Response } from '../../http/types';
import type { Bucket } from '../../store/types';
import { S3Error } from '../errors';
import { ownerXml } from '../owner';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

/** S3's largest page, also the page size when `max-buckets` is not given. */
const MAX_BUCKETS = 10_000;

function maxBucketsParam(ctx: S3Context): number {
  const raw = ctx.query.get('max-buckets');
  if (raw === null) return MAX_BUCKETS;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_BUCKETS) {
    throw new S3Error('InvalidArgument', {
      message: `max-buckets must be an integer between 1 and ${MAX_BUCKETS}`,
      extra: { ArgumentName: 'max-buckets', ArgumentValue: raw },
    });
  }
  return Number(raw);
}

// The token is the last bucket name of the previous page, obfuscated as S3's is (not a bucket name on the wire).
function encodeToken(lastName: string): string {
  return Buffer.from(JSON.stringify({ after: lastName }), 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string' && parsed.after !== '') return parsed.after;
  } catch {
    // falls through to the error below
  }
  throw new S3Error('InvalidArgument', {
    message: 'The continuation token provided is incorrect',
    extra: { ArgumentName: 'continuation-token', ArgumentValue: token },
  });
}

function bucketXml(bucket: Bucket): string {
  return el('Bucket', [el('Name', bucket.name), el('CreationDate', isoSeconds(bucket.createdAt)), el('BucketRegion', bucket.region)]);
}

/** Buckets in name order, filtered by `prefix` and `bucket-region`, in pages of `max-buckets` (continuation-token). */
export async function listBuckets(ctx: S3Context): Promise<S3Response> {
  const prefix = ctx.query.get('prefix') ?? '';
  const region = ctx.query.get('bucket-region');
  const maxBuckets = maxBucketsParam(ctx);
  const token = ctx.query.get('continuation-token');
  const after = token ? decodeToken(token) : undefined;
  const matching = ctx.store.buckets
    .list()
    .filter((bucket) => bucket.name.startsWith(prefix) && (!region || bucket.region === region))
    .filter((bucket) => after === undefined || bucket.name > after);
  const page = matching.slice(0, maxBuckets);
  const last = page.at(-1);
  const nextToken = matching.length > maxBuckets && last ? encodeToken(last.name) : undefined;
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListAllMyBucketsResult', [
      ownerXml(),
      el('Buckets', page.map(bucketXml)),
      nextToken ? el('ContinuationToken', nextToken) : '',
      prefix ? el('Prefix', prefix) : '',
    ]),
  };
}
