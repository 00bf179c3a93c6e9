import type { ListedEntry } from '../types';

/**
 * A parser for exactly the two listing responses the compare reads (ListBucketResult of ListObjectsV2 and
 * ListVersionsResult of ListObjectVersions). The SDK's generic XML deserializer spends about 8 µs per listed object
 * (most of a large comparison's CPU); this one scans with indexOf and builds the entries directly.
 *
 * Text is read as the SDK reads it, so keys and ETags come out identical: line ends normalised to \n, the five named
 * entities and numeric references decoded the same way, and whitespace-only text that contains a newline read as ''.
 * One exception: a numeric reference above U+FFFF (which S3 never sends: it escapes only control characters) decodes
 * to its character, where the SDK drops it.
 */

export interface ObjectsPage {
  entries: ListedEntry[];
  isTruncated: boolean;
  nextContinuationToken?: string;
}

export interface VersionsPage {
  /** Versions and delete markers in document order, which is S3's order (key, then newest first). */
  entries: ListedEntry[];
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

export class ListingXmlError extends Error {
  constructor(message: string) {
    super(`Unexpected listing response: ${message}`);
    this.name = 'ListingXmlError';
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g;

const QUOTED = /^&quot;([^&<]*)&quot;$/;

/** A numeric reference's character (any Unicode code point, astral ones included); out of range, the reference as written. */
function codePoint(value: number, reference: string): string {
  return value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : reference;
}

function decodeText(raw: string): string {
  if (raw.charCodeAt(0) === 0x26 /* & */) {
    const quoted = QUOTED.exec(raw); // an ETag: "…"
    if (quoted) return `"${quoted[1]}"`;
  }
  const text = raw.includes('&')
    ? raw.replace(ENTITY, (reference: string, hex: string | undefined, dec: string | undefined, named: string) => {
        if (hex) return codePoint(parseInt(hex, 16), reference);
        if (dec) return codePoint(parseInt(dec, 10), reference);
        return NAMED_ENTITIES[named] ?? '';
      })
    : raw;
  return text.includes('\n') && text.trim() === '' ? '' : text;
}

/** An element's text: CDATA sections and comments as XML reads them, then entities decoded. */
function readText(raw: string): string {
  if (raw.includes('<')) return decodeText(raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g, (_, cdata?: string) => cdata ?? ''));
  return decodeText(raw);
}

/** A cursor over one document: finds elements by tag, skipping anything nested it is not asked about. */
class Scanner {
  constructor(
    readonly xml: string,
    public at = 0,
  ) {}

  /** The next start tag at or after the cursor (name, position after `>`, self-closing?); undefined at the end. */
  nextStartTag(limit: number): { name: string; contentAt: number; empty: boolean } | undefined {
    const { xml } = this;
    for (;;) {
      const open = xml.indexOf('<', this.at);
      if (open < 0 || open >= limit) return undefined;
      const first = xml.charCodeAt(open + 1);
      if (first === 0x2f /* / */) return undefined; // a closing tag: the caller's element ends here
      if (first === 0x3f /* ? */ || first === 0x21 /* ! */) {
        const close = xml.startsWith('<!--', open) ? xml.indexOf('-->', open) + 3 : xml.indexOf('>', open) + 1;
        if (close <= 0) throw new ListingXmlError('unterminated markup');
        this.at = close;
        continue;
      }
      const end = xml.indexOf('>', open);
      if (end < 0) throw new ListingXmlError('unterminated tag');
      const empty = xml.charCodeAt(end - 1) === 0x2f;
      let nameEnd = open + 1;
      while (nameEnd < end) {
        const c = xml.charCodeAt(nameEnd);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x2f || c === 0x3e) break;
        nameEnd += 1;
      }
      this.at = end + 1;
      return { name: xml.slice(open + 1, nameEnd), contentAt: end + 1, empty };
    }
  }

  /**
   * Position of the `</name>` that closes the element whose content starts at `from`. S3's listing documents never
   * nest an element inside one of the same name, so the first closing tag is the one.
   */
  closeOf(name: string, from: number): number {
    const close = this.xml.indexOf(closingTag(name), from);
    if (close < 0) throw new ListingXmlError(`<${name}> is not closed`);
    return close;
  }

  /** Text of a leaf element whose content starts at `from`; moves past its end tag. */
  leafText(name: string, from: number): string {
    const close = this.closeOf(name, from);
    this.at = close + name.length + 3;
    return readText(this.xml.slice(from, close));
  }

  /** Moves past the element whose content starts at `from`. */
  skip(name: string, from: number): void {
    this.at = this.closeOf(name, from) + name.length + 3;
  }
}

const closingTags = new Map<string, string>();
function closingTag(name: string): string {
  let tag = closingTags.get(name);
  if (tag === undefined) {
    tag = `</${name}>`;
    if (closingTags.size < 256) closingTags.set(name, tag);
  }
  return tag;
}

type RecordField = 'Key' | 'Size' | 'ETag' | 'LastModified' | 'StorageClass' | 'VersionId' | 'IsLatest';

const fieldTags = (name: RecordField) => ({ open: `<${name}>`, close: `</${name}>`, empty: `<${name}/>` });
const FIELD_TAGS: Record<RecordField, ReturnType<typeof fieldTags>> = {
  Key: fieldTags('Key'),
  Size: fieldTags('Size'),
  ETag: fieldTags('ETag'),
  LastModified: fieldTags('LastModified'),
  StorageClass: fieldTags('StorageClass'),
  VersionId: fieldTags('VersionId'),
  IsLatest: fieldTags('IsLatest'),
};

/**
 * The leaf fields of one record (Contents, Version, DeleteMarker), found by their tags within it. None of these
 * names occurs inside the records' nested elements (Owner, RestoreStatus), and text cannot contain a tag.
 */
class RecordFields {
  constructor(private readonly record: string) {}

  get(name: RecordField): string | undefined {
    const tags = FIELD_TAGS[name];
    const open = this.record.indexOf(tags.open);
    if (open < 0) return this.record.includes(tags.empty) ? '' : undefined;
    const from = open + tags.open.length;
    const close = this.record.indexOf(tags.close, from);
    if (close < 0) throw new ListingXmlError(`<${name}> is not closed`);
    return readText(this.record.slice(from, close));
  }
}

function recordFields(scanner: Scanner, name: string, contentAt: number): RecordFields {
  const end = scanner.closeOf(name, contentAt);
  scanner.at = end + name.length + 3;
  return new RecordFields(scanner.xml.slice(contentAt, end));
}

const ISO_MILLIS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** As `new Date(text).toISOString()` after the SDK's date parse; the common canonical form is passed through. */
function isoTimestamp(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  if (ISO_MILLIS.test(text)) return text;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new ListingXmlError(`bad timestamp "${text}"`);
  return date.toISOString();
}

function sizeOf(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  const size = Number(text);
  if (!Number.isFinite(size)) throw new ListingXmlError(`bad size "${text}"`);
  return size;
}

function root(xml: string, expected: string): { scanner: Scanner; end: number } {
  const scanner = new Scanner(xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml);
  const tag = scanner.nextStartTag(scanner.xml.length);
  if (!tag || tag.name !== expected) throw new ListingXmlError(`expected <${expected}>, got ${tag ? `<${tag.name}>` : 'no element'}`);
  if (tag.empty) return { scanner, end: tag.contentAt };
  const end = scanner.xml.lastIndexOf(`</${expected}>`);
  if (end < tag.contentAt) throw new ListingXmlError(`<${expected}> is not closed (a truncated response?)`);
  return { scanner, end };
}

const optional = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** A ListObjectsV2 response body. */
export function parseObjectsPage(xml: string): ObjectsPage {
  const { scanner, end } = root(xml, 'ListBucketResult');
  const page: ObjectsPage = { entries: [], isTruncated: false };
  for (let tag = scanner.nextStartTag(end); tag; tag = scanner.nextStartTag(end)) {
    if (tag.empty) continue;
    if (tag.name === 'Contents') {
      const fields = recordFields(scanner, tag.name, tag.contentAt);
      const entry: ListedEntry = { key: fields.get('Key') ?? '', size: sizeOf(fields.get('Size')) };
      const etag = fields.get('ETag');
      if (etag !== undefined) entry.etag = etag;
      const lastModified = isoTimestamp(fields.get('LastModified'));
      if (lastModified !== undefined) entry.lastModified = lastModified;
      const storageClass = fields.get('StorageClass');
      if (storageClass !== undefined) entry.storageClass = storageClass;
      page.entries.push(entry);
    } else if (tag.name === 'IsTruncated') page.isTruncated = scanner.leafText(tag.name, tag.contentAt) === 'true';
    else if (tag.name === 'NextContinuationToken') page.nextContinuationToken = optional(scanner.leafText(tag.name, tag.contentAt));
    else scanner.skip(tag.name, tag.contentAt);
  }
  return page;
}

/** A ListObjectVersions response body. */
export function parseVersionsPage(xml: string): VersionsPage {
  const { scanner, end } = root(xml, 'ListVersionsResult');
  const page: VersionsPage = { entries: [], isTruncated: false };
  for (let tag = scanner.nextStartTag(end); tag; tag = scanner.nextStartTag(end)) {
    if (tag.empty) continue;
    if (tag.name === 'Version' || tag.name === 'DeleteMarker') {
      const fields = recordFields(scanner, tag.name, tag.contentAt);
      const isDeleteMarker = tag.name === 'DeleteMarker';
      const entry: ListedEntry = {
        key: fields.get('Key') ?? '',
        versionId: fields.get('VersionId') ?? 'null',
        isLatest: fields.get('IsLatest') === 'true',
        size: isDeleteMarker ? 0 : sizeOf(fields.get('Size')),
      };
      if (isDeleteMarker) entry.isDeleteMarker = true;
      const etag = isDeleteMarker ? undefined : fields.get('ETag');
      if (etag !== undefined) entry.etag = etag;
      const lastModified = isoTimestamp(fields.get('LastModified'));
      if (lastModified !== undefined) entry.lastModified = lastModified;
      const storageClass = isDeleteMarker ? undefined : fields.get('StorageClass');
      if (storageClass !== undefined) entry.storageClass = storageClass;
      page.entries.push(entry);
    } else if (tag.name === 'IsTruncated') page.isTruncated = scanner.leafText(tag.name, tag.contentAt) === 'true';
    else if (tag.name === 'NextKeyMarker') page.nextKeyMarker = optional(scanner.leafText(tag.name, tag.contentAt));
    else if (tag.name === 'NextVersionIdMarker') page.nextVersionIdMarker = optional(scanner.leafText(tag.name, tag.contentAt));
    else scanner.skip(tag.name, tag.contentAt);
  }
  return page;
}
