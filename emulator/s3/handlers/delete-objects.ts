import type { S3Context, S3Response } from '../../http/types';
import { S3Error } from '../errors';
import { ACCOUNT_CANONICAL_ID } from '../owner';
import { readXmlBody } from '../request-xml';
import { childElements, childText, el, xmlDocument, xmlResponseHeaders } from '../xml';

const MAX_KEYS_PER_REQUEST = 1000;
const DELETE_BODY_LIMIT = 4 * 1024 * 1024;

// NOTE: S3 requires Content-MD5 or an x-amz-checksum-* on DeleteObjects; they are verified when sent, not required.
export async function deleteObjects(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.require(ctx.bucket);
  const root = await readXmlBody(ctx, 'Delete', DELETE_BODY_LIMIT);
  const quietText = childText(root, 'Quiet');
  if (quietText !== undefined && quietText !== 'true' && quietText !== 'false') throw new S3Error('MalformedXML');
  const quiet = quietText === 'true';
  const objects = childElements(root, 'Object').map((object) => {
    const key = childText(object, 'Key');
    if (key === undefined) throw new S3Error('MalformedXML');
    return { key, versionId: childText(object, 'VersionId') };
  });
  if (objects.length === 0 || objects.length > MAX_KEYS_PER_REQUEST) throw new S3Error('MalformedXML');

  const results: string[] = [];
  for (const object of objects) {
    try {
      const result = await ctx.store.objects.delete(ctx.bucket, object.key, object.versionId, ACCOUNT_CANONICAL_ID);
      if (quiet) continue;
      results.push(
        el('Deleted', [
          el('Key', object.key),
          object.versionId !== undefined ? el('VersionId', object.versionId) : '',
          result.deleteMarker ? el('DeleteMarker', true) : '',
          result.deleteMarker && result.versionId !== null ? el('DeleteMarkerVersionId', result.versionId) : '',
        ]),
      );
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      results.push(
        el('Error', [
          el('Key', object.key),
          object.versionId !== undefined ? el('VersionId', object.versionId) : '',
          el('Code', error.code),
          el('Message', error.message),
        ]),
      );
    }
  }
  return { status: 200, headers: xmlResponseHeaders(), body: xmlDocument('DeleteResult', results) };
}
