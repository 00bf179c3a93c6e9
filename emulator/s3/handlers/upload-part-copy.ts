import type { S3Context, S3Response } from '../../http/types';
import { bodyFromStoredBytes } from '../../http/request-body';
import { resolveCopySource } from '../copy-source-version';
import { partNumberParam, uploadParam } from '../multipart-params';
import { parseCopySourceRange } from '../range';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

export async function uploadPartCopy(ctx: S3Context): Promise<S3Response> {
  const partNumber = partNumberParam(ctx);
  const upload = uploadParam(ctx);
  const source = resolveCopySource(ctx);
  const rangeHeader = ctx.headers['x-amz-copy-source-range'];
  const range = typeof rangeHeader === 'string' ? parseCopySourceRange(rangeHeader, source.version.size) : undefined;
  const part = await ctx.store.multipart.putPart(
    upload,
    partNumber,
    bodyFromStoredBytes(ctx.store.objects.openContent(source.version, range)),
  );
  const headers = xmlResponseHeaders();
  if (source.version.versionId !== 'null') headers['x-amz-copy-source-version-id'] = source.version.versionId;
  return {
    status: 200,
    headers,
    body: xmlDocument('CopyPartResult', [el('ETag', part.etag), el('LastModified', isoSeconds(part.lastModified))]),
  };
}
