import type { S3Context, S3Response } from '../../http/types';
import { S3Error } from '../errors';
import { checkListedPartChecksum, compositeChecksum } from '../multipart-checksums';
import { uploadParam } from '../multipart-params';
import { readXmlBody } from '../request-xml';
import { childElements, childText, el, xmlDocument, xmlResponseHeaders } from '../xml';

const COMPLETE_BODY_LIMIT = 4 * 1024 * 1024;

// NOTE: the result is sent once the object is assembled (no whitespace keep-alive before it).
export async function completeMultipartUpload(ctx: S3Context): Promise<S3Response> {
  const upload = uploadParam(ctx);
  const root = await readXmlBody(ctx, 'CompleteMultipartUpload', COMPLETE_BODY_LIMIT);
  const listedChecksums = new Map<number, string | undefined>();
  const parts = childElements(root, 'Part').map((part) => {
    const partNumber = childText(part, 'PartNumber');
    const etag = childText(part, 'ETag');
    if (partNumber === undefined || etag === undefined || !/^\d{1,5}$/.test(partNumber)) throw new S3Error('MalformedXML');
    if (upload.checksumAlgorithm) listedChecksums.set(Number(partNumber), childText(part, `Checksum${upload.checksumAlgorithm}`));
    return { partNumber: Number(partNumber), etag };
  });
  const version = await ctx.store.multipart.complete(upload, parts, (chosen) => {
    for (const part of chosen) checkListedPartChecksum(upload, part, listedChecksums.get(part.partNumber), part.etag);
    return compositeChecksum(upload, chosen);
  });
  const headers = xmlResponseHeaders();
  if (version.versionId !== 'null') headers['x-amz-version-id'] = version.versionId;
  if (version.sse) headers['x-amz-server-side-encryption'] = version.sse;
  const host = typeof ctx.headers.host === 'string' ? ctx.headers.host : 'localhost';
  return {
    status: 200,
    headers,
    body: xmlDocument('CompleteMultipartUploadResult', [
      el('Location', `http://${host}/${encodeURIComponent(ctx.bucket)}/${encodeURIComponent(ctx.key)}`),
      el('Bucket', ctx.bucket),
      el('Key', ctx.key),
      el('ETag', version.etag ?? ''),
      version.checksum ? el(`Checksum${version.checksum.algorithm}`, version.checksum.value) : '',
      version.checksum ? el('ChecksumType', version.checksum.type) : '',
    ]),
  };
}
