import type { S3Context, S3Response } from '../../http/types';
import type { ObjectAttributes } from '../../store/types';
import { resolveCopySource } from '../copy-source-version';
import { S3Error } from '../errors';
import {
  checkKey,
  contentHeadersFromRequest,
  encryptionFromHeaders,
  storageClassFromHeaders,
  tagsFromRequestHeaders,
  userMetadataFromHeaders,
} from '../object-attributes';
import { ACCOUNT_CANONICAL_ID } from '../owner';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

function directive(ctx: S3Context, header: string, label: string): 'COPY' | 'REPLACE' {
  const value = ctx.headers[header];
  if (value === undefined) return 'COPY';
  if (value === 'COPY' || value === 'REPLACE') return value;
  throw new S3Error('InvalidArgument', {
    message: `Unknown ${label} directive.`,
    extra: { ArgumentName: header, ArgumentValue: String(value) },
  });
}

export async function copyObject(ctx: S3Context): Promise<S3Response> {
  checkKey(ctx.key);
  const metadataDirective = directive(ctx, 'x-amz-metadata-directive', 'metadata');
  const taggingDirective = directive(ctx, 'x-amz-tagging-directive', 'tagging');
  const source = resolveCopySource(ctx);
  ctx.store.buckets.require(ctx.bucket);
  const storageClass = storageClassFromHeaders(ctx.headers);
  const encryption = encryptionFromHeaders(ctx.headers);
  const sameObject = source.bucket === ctx.bucket && source.version.key === ctx.key;
  if (sameObject && metadataDirective === 'COPY' && storageClass === undefined && encryption === undefined) {
    throw new S3Error('InvalidRequest', {
      message:
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    });
  }
  const from = source.version;
  const attributes: ObjectAttributes =
    metadataDirective === 'REPLACE'
      ? { ...from, ...contentHeadersFromRequest(ctx.headers), userMetadata: userMetadataFromHeaders(ctx.headers) }
      : { ...from };
  attributes.tags = taggingDirective === 'REPLACE' ? (tagsFromRequestHeaders(ctx.headers) ?? []) : from.tags;
  attributes.storageClass = storageClass ?? 'STANDARD';
  if (encryption) {
    attributes.sse = encryption.sse;
    attributes.sseKmsKeyId = encryption.sseKmsKeyId;
  }
  const version = await ctx.store.objects.copy(from, ctx.bucket, ctx.key, {
    attributes: {
      contentType: attributes.contentType,
      contentEncoding: attributes.contentEncoding,
      contentDisposition: attributes.contentDisposition,
      contentLanguage: attributes.contentLanguage,
      cacheControl: attributes.cacheControl,
      expires: attributes.expires,
      userMetadata: attributes.userMetadata,
      tags: attributes.tags,
      storageClass: attributes.storageClass,
      sse: attributes.sse,
      sseKmsKeyId: attributes.sseKmsKeyId,
    },
    ownerId: ACCOUNT_CANONICAL_ID,
  });
  const headers: Record<string, string> = xmlResponseHeaders();
  if (version.versionId !== 'null') headers['x-amz-version-id'] = version.versionId;
  if (from.versionId !== 'null' || source.versionIdRequested) headers['x-amz-copy-source-version-id'] = from.versionId;
  if (version.sse) headers['x-amz-server-side-encryption'] = version.sse;
  const checksum = version.checksum;
  return {
    status: 200,
    headers,
    body: xmlDocument('CopyObjectResult', [
      el('ETag', version.etag ?? ''),
      el('LastModified', isoSeconds(version.lastModified)),
      checksum ? el('ChecksumType', checksum.type) : '',
      checksum ? el(`Checksum${checksum.algorithm}`, checksum.value) : '',
    ]),
  };
}
