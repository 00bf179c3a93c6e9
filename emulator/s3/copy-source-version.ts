import type { S3Context } from '../http/types';
import type { ObjectVersion } from '../store/types';
import { parseCopySource } from './copy-source';
import { S3Error } from './errors';
import { checkPreconditions } from './preconditions';

/** The version named by x-amz-copy-source, after the x-amz-copy-source-if-* preconditions. */
export function resolveCopySource(ctx: S3Context): { version: ObjectVersion; bucket: string; versionIdRequested: boolean } {
  const source = parseCopySource(ctx.headers['x-amz-copy-source']);
  let version: ObjectVersion;
  try {
    version = ctx.store.objects.resolveForRead(source.bucket, source.key, source.versionId, 'GET');
  } catch (error) {
    if (error instanceof S3Error && error.code === 'MethodNotAllowed') {
      throw new S3Error('InvalidRequest', {
        message: 'The source of a copy request may not specifically refer to a delete marker by version id.',
      });
    }
    if (error instanceof S3Error && error.code === 'NoSuchKey') {
      throw new S3Error('NoSuchKey', { extra: { Key: source.key } });
    }
    throw error;
  }
  checkPreconditions(ctx.headers, version, 'x-amz-copy-source-');
  return { version, bucket: source.bucket, versionIdRequested: source.versionId !== undefined };
}
