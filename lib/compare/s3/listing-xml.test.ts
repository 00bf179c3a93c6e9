import { ListObjectVersionsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compareKeys } from '../key-order';
import type { ListedEntry } from '../types';
import { ListingXmlError, parseObjectsPage, parseVersionsPage } from './listing-xml';

/** An S3 client whose every request is answered with `xml` (no network): the SDK's own reading of a document. */
function answering(xml: string): S3Client {
  return new S3Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: {
      handle: async () => ({ response: { statusCode: 200, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(xml)]) } }),
    },
  });
}

/** What the compare read from the SDK's output before it parsed pages itself (the oracle). */
async function sdkObjects(xml: string) {
  const page = await answering(xml).send(new ListObjectsV2Command({ Bucket: 'b' }));
  const entries = (page.Contents ?? []).map(
    (object): ListedEntry => ({
      key: object.Key ?? '',
      size: object.Size ?? 0,
      etag: object.ETag,
      lastModified: object.LastModified?.toISOString(),
      storageClass: object.StorageClass,
    }),
  );
  return { entries, isTruncated: page.IsTruncated === true, nextContinuationToken: page.NextContinuationToken };
}

async function sdkVersions(xml: string) {
  const page = await answering(xml).send(new ListObjectVersionsCommand({ Bucket: 'b' }));
  const versions = (page.Versions ?? []).map((version) => ({
    key: version.Key ?? '',
    versionId: version.VersionId ?? 'null',
    isLatest: version.IsLatest ?? false,
    size: version.Size ?? 0,
    etag: version.ETag,
    lastModified: version.LastModified?.toISOString(),
    storageClass: version.StorageClass,
  }));
  const markers = (page.DeleteMarkers ?? []).map((marker) => ({
    key: marker.Key ?? '',
    versionId: marker.VersionId ?? 'null',
    isLatest: marker.IsLatest ?? false,
    isDeleteMarker: true,
    size: 0,
    lastModified: marker.LastModified?.toISOString(),
  }));
  return { versions, markers, isTruncated: page.IsTruncated === true, nextKeyMarker: page.NextKeyMarker, nextVersionIdMarker: page.NextVersionIdMarker };
}

/** Drops members whose value is undefined (the SDK's shapes carry them; the parser leaves them out). */
const defined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** XML escaping as S3 (and the embedded endpoint) do it, numeric references for control characters. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\r]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch === "'" ? '&apos;' : `&#${ch.charCodeAt(0)};`,
  );
}

const OWNER = '<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>owner</DisplayName></Owner>';

function objectsXml(keys: readonly string[], options: { truncated?: boolean; token?: string } = {}): string {
  const contents = keys
    .map(
      (key, i) =>
        `<Contents><Key>${escapeXml(key)}</Key><LastModified>2026-11-27T16:35:${String(i % 60).padStart(2, '0')}.000Z</LastModified>` +
        `<ETag>&quot;${i.toString(16).padStart(32, '0')}&quot;</ETag>${i % 3 === 0 ? '<ChecksumAlgorithm>CRC32</ChecksumAlgorithm>' : ''}` +
        `<Size>${i * 7}</Size>${i % 2 === 0 ? OWNER : ''}<StorageClass>${i % 4 === 0 ? 'GLACIER' : 'STANDARD'}</StorageClass></Contents>`,
    )
    .join('\n  ');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix>` +
    `<KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>${options.truncated === true}</IsTruncated>` +
    (options.token ? `<NextContinuationToken>${escapeXml(options.token)}</NextContinuationToken>` : '') +
    `\n  ${contents}<CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes></ListBucketResult>`
  );
}

const keyArbitrary = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', '&', '<', '>', '"', "'", ' ', '\n', '\r', '\t', '\u0001', 'é', '😀', '/', ';', '#'), minLength: 1, maxLength: 10 }),
);

describe('parseObjectsPage reads a ListBucketResult exactly as the SDK does', () => {
  it('for keys with entities, control characters, line ends, spaces and emoji', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(keyArbitrary, { maxLength: 12 }), fc.boolean(), async (keys, truncated) => {
        const xml = objectsXml(keys, { truncated, token: truncated ? 'eyJrIjoiYSJ9&x' : undefined });
        const expected = await sdkObjects(xml);
        expect(parseObjectsPage(xml)).toEqual(defined(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('for an empty, self-closed result and a CRLF document', async () => {
    const empty = '<?xml version="1.0"?><ListBucketResult/>';
    expect(parseObjectsPage(empty)).toEqual(defined(await sdkObjects(empty)));
    const crlf = objectsXml(['a\r\nb', 'c'], { truncated: true, token: 't' }).replace(/\n/g, '\r\n');
    expect(parseObjectsPage(crlf)).toEqual(defined(await sdkObjects(crlf)));
  });

  it('decodes numeric references to any code point as XML defines them (S3 itself sends such characters raw)', () => {
    // The SDK's deserializer is not the oracle here: it drops references above U+FFFF.
    const xml = objectsXml(['plain']).replace('<Key>plain</Key>', '<Key>a&#x1F600;b&#128512;c&#x110000;d&#65;&#xE9;</Key>');
    expect(parseObjectsPage(xml).entries[0]?.key).toBe('a😀b😀c&#x110000;dAé');
  });

  it('refuses a document that is not a listing', () => {
    expect(() => parseObjectsPage('<Error><Code>NoSuchBucket</Code></Error>')).toThrow(ListingXmlError);
    expect(() => parseObjectsPage('<ListBucketResult><Contents><Key>a</Key>')).toThrow(ListingXmlError);
  });
});

describe('parseVersionsPage reads a ListVersionsResult as the SDK does, in document order', () => {
  it('versions and delete markers interleaved, markers without size or ETag', async () => {
    const records = [
      ['a&b', 'v3', 'true', false],
      ['a&b', 'v2', 'false', true],
      ['a&b', 'null', 'false', false],
      ['😀', 'm1', 'true', true],
      ['😀', 'v1', 'false', false],
    ] as const;
    const body = records
      .map(([key, versionId, latest, marker], i) =>
        marker
          ? `<DeleteMarker><Key>${escapeXml(key)}</Key><VersionId>${versionId}</VersionId><IsLatest>${latest}</IsLatest><LastModified>2026-11-27T16:35:0${i}.000Z</LastModified>${OWNER}</DeleteMarker>`
          : `<Version><Key>${escapeXml(key)}</Key><VersionId>${versionId}</VersionId><IsLatest>${latest}</IsLatest><LastModified>2026-11-27T16:35:0${i}.000Z</LastModified><ETag>&quot;e${i}&quot;</ETag><Size>${i + 1}</Size>${OWNER}<StorageClass>STANDARD</StorageClass></Version>`,
      )
      .join('');
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix>` +
      `<KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker><NextKeyMarker>${escapeXml('😀')}</NextKeyMarker><NextVersionIdMarker>v1</NextVersionIdMarker>` +
      `<MaxKeys>5</MaxKeys><IsTruncated>true</IsTruncated>${body}</ListVersionsResult>`;
    const page = parseVersionsPage(xml);
    const sdk = await sdkVersions(xml);
    // The same entries as the SDK's two lists, in the document's (S3's) order.
    const byId = new Map([...sdk.versions, ...sdk.markers].map((entry) => [entry.versionId, defined(entry)]));
    expect(page.entries).toEqual(records.map(([, versionId]) => byId.get(versionId)));
    expect(page.entries.map((entry) => entry.key)).toEqual([...page.entries.map((entry) => entry.key)].sort(compareKeys));
    expect(page).toMatchObject({ isTruncated: true, nextKeyMarker: sdk.nextKeyMarker, nextVersionIdMarker: sdk.nextVersionIdMarker });
  });
});
