import type { S3Context, S3Response } from '../../http/types';
import { checkPartChecksumAlgorithm } from '../multipart-checksums';
import { partNumberParam, uploadParam } from '../multipart-params';
import { checkDeclaredSize, MAX_SINGLE_PUT_BYTES } from '../request-size';

export async function uploadPart(ctx: S3Context): Promise<S3Response> {
  const partNumber = partNumberParam(ctx);
  const upload = uploadParam(ctx);
  checkDeclaredSize(ctx.headers, MAX_SINGLE_PUT_BYTES);
  checkPartChecksumAlgorithm(upload, ctx.headers);
  const body = ctx.openBody();
  const part = await ctx.store.multipart.putPart(upload, partNumber, body);
  const headers: Record<string, string> = { etag: part.etag };
  const checksum = body.digest().checksum;
  if (checksum) headers[`x-amz-checksum-${checksum.algorithm.toLowerCase()}`] = checksum.value;
  if (upload.attributes.sse) headers['x-amz-server-side-encryption'] = upload.attributes.sse;
  return { status: 200, headers };
}
