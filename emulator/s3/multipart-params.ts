import type { S3Context } from '../http/types';
import type { MultipartUpload } from '../store/multipart';
import { S3Error } from './errors';

export const MAX_PART_NUMBER = 10_000;

export function partNumberParam(ctx: S3Context): number {
  const raw = ctx.query.get('partNumber') ?? '';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PART_NUMBER) {
    throw new S3Error('InvalidArgument', {
      message: 'Part number must be an integer between 1 and 10000, inclusive',
      extra: { ArgumentName: 'partNumber', ArgumentValue: raw },
    });
  }
  return Number(raw);
}

/** The upload named by ?uploadId= for this bucket and key, or NoSuchUpload. */
export function uploadParam(ctx: S3Context): MultipartUpload {
  const uploadId = ctx.query.get('uploadId') ?? '';
  return ctx.store.multipart.require(ctx.bucket, ctx.key, uploadId);
}
