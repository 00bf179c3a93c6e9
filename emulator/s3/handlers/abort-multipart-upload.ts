import type { S3Context, S3Response } from '../../http/types';
import { uploadParam } from '../multipart-params';

export async function abortMultipartUpload(ctx: S3Context): Promise<S3Response> {
  await ctx.store.multipart.abort(uploadParam(ctx));
  return { status: 204, headers: {} };
}
