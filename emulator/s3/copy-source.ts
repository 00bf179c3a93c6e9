import { S3Error } from './errors';

export interface CopySource {
  bucket: string;
  key: string;
  versionId?: string;
}

/** `x-amz-copy-source`: `[/]bucket/key[?versionId=id]`, URL-encoded. */
export function parseCopySource(header: string | string[] | undefined): CopySource {
  const raw = Array.isArray(header) ? header[0] : header;
  const invalid = () =>
    new S3Error('InvalidArgument', {
      message: 'Invalid copy source object key',
      extra: { ArgumentName: 'x-amz-copy-source', ArgumentValue: raw ?? '' },
    });
  if (!raw) throw invalid();
  const queryAt = raw.indexOf('?');
  const pathPart = (queryAt < 0 ? raw : raw.slice(0, queryAt)).replace(/^\//, '');
  let versionId: string | undefined;
  if (queryAt >= 0) {
    const params = new URLSearchParams(raw.slice(queryAt + 1));
    versionId = params.get('versionId') ?? undefined;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    throw invalid();
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw invalid();
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId };
}
