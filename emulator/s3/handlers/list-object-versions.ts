import type { S3Context, S3Response } from '../../http/types';
import type { ListedVersion } from '../../store/listing';
import { commonPrefixXml, encoder, encodingTypeParam, maxKeysParam } from '../listing-params';
import { ownerXml } from '../owner';
import { isoSeconds } from '../time';
import { el, xmlDocument, xmlResponseHeaders } from '../xml';

function versionXml(version: ListedVersion, encode: (value: string) => string): string {
  const common = [
    el('Key', encode(version.key)),
    el('VersionId', version.versionId),
    el('IsLatest', version.isLatest),
    el('LastModified', isoSeconds(version.lastModified)),
  ];
  if (version.isDeleteMarker) return el('DeleteMarker', [...common, ownerXml()]);
  return el('Version', [
    ...common,
    el('ETag', version.etag ?? ''),
    el('Size', version.size),
    el('StorageClass', version.storageClass),
    ownerXml(),
    version.checksum ? el('ChecksumAlgorithm', version.checksum.algorithm) : '',
    version.checksum ? el('ChecksumType', version.checksum.type) : '',
  ]);
}

export async function listObjectVersions(ctx: S3Context): Promise<S3Response> {
  const prefix = ctx.query.get('prefix') ?? '';
  const delimiter = ctx.query.get('delimiter') ?? '';
  const keyMarker = ctx.query.get('key-marker') ?? '';
  const versionIdMarker = ctx.query.get('version-id-marker') ?? '';
  const maxKeys = maxKeysParam(ctx, 'max-keys');
  const encodingType = encodingTypeParam(ctx);
  const encode = encoder(encodingType);
  const page = ctx.store.listing.versions(ctx.bucket, {
    prefix,
    delimiter,
    maxKeys,
    keyMarker: keyMarker || undefined,
    versionIdMarker: versionIdMarker || undefined,
  });
  const last = page.entries.at(-1);
  const next: string[] = [];
  if (page.isTruncated && last) {
    if (last.kind === 'row') {
      next.push(el('NextKeyMarker', encode(last.row.key)), el('NextVersionIdMarker', last.row.versionId));
    } else {
      next.push(el('NextKeyMarker', encode(last.prefix)));
    }
  }
  return {
    status: 200,
    headers: xmlResponseHeaders(),
    body: xmlDocument('ListVersionsResult', [
      el('Name', ctx.bucket),
      el('Prefix', encode(prefix)),
      el('KeyMarker', encode(keyMarker)),
      el('VersionIdMarker', versionIdMarker),
      el('MaxKeys', maxKeys),
      delimiter ? el('Delimiter', encode(delimiter)) : '',
      el('IsTruncated', page.isTruncated),
      ...next,
      encodingType ? el('EncodingType', encodingType) : '',
      ...page.entries.map((entry) =>
        entry.kind === 'row' ? versionXml(entry.row, encode) : commonPrefixXml(entry.prefix, encode),
      ),
    ]),
  };
}
