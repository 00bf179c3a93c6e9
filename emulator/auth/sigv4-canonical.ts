/** Building blocks of the SigV4 canonical request, computed from the request exactly as it arrived. */

export type HeaderBag = Record<string, string | string[] | undefined>;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * Percent-decodes to bytes, leniently: a `%` not followed by two hex digits stays a literal `%`, and bytes that are
 * not valid UTF-8 survive (the canonical form is re-encoded byte by byte, never through a JS string).
 */
export function percentDecodeToBytes(text: string, plusAsSpace: boolean): Buffer {
  const raw = Buffer.from(text, 'utf8');
  const out = Buffer.alloc(raw.length);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (byte === 0x25 && i + 2 < raw.length && isHexDigit(raw[i + 1]) && isHexDigit(raw[i + 2])) {
      out[length++] = parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16);
      i += 2;
    } else if (byte === 0x2b && plusAsSpace) {
      out[length++] = 0x20;
    } else {
      out[length++] = byte;
    }
  }
  return out.subarray(0, length);
}

/** RFC 3986 encoding of every byte except the unreserved characters, with upper-case hex (SigV4's UriEncode). */
export function uriEncodeBytes(bytes: Uint8Array, keepSlash = false): string {
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && (UNRESERVED.test(char) || (keepSlash && char === '/'))) out += char;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** SigV4's UriEncode of a (decoded) string. */
export function uriEncode(text: string, keepSlash = false): string {
  return uriEncodeBytes(Buffer.from(text, 'utf8'), keepSlash);
}

export interface QueryParameter {
  /** Decoded name (UTF-8, lenient). */
  name: string;
  /** Decoded value. */
  value: string;
  /** Canonically encoded name and value, as they appear in the canonical query string. */
  encodedName: string;
  encodedValue: string;
}

/**
 * Splits a raw query string (after `?`) into parameters, keeping repeats and order. A name without `=` has the
 * empty value. `plusAsSpace` reads `+` as an encoded space (HTML-form style) instead of a literal plus.
 */
export function parseRawQuery(rawQuery: string, plusAsSpace = false): QueryParameter[] {
  const parameters: QueryParameter[] = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const rawName = equals < 0 ? piece : piece.slice(0, equals);
    const rawValue = equals < 0 ? '' : piece.slice(equals + 1);
    const nameBytes = percentDecodeToBytes(rawName, plusAsSpace);
    const valueBytes = percentDecodeToBytes(rawValue, plusAsSpace);
    parameters.push({
      name: nameBytes.toString('utf8'),
      value: valueBytes.toString('utf8'),
      encodedName: uriEncodeBytes(nameBytes),
      encodedValue: uriEncodeBytes(valueBytes),
    });
  }
  return parameters;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parameters sorted by encoded name, then encoded value, joined as `name=value&…`; `exclude` names are dropped. */
export function canonicalQueryString(parameters: QueryParameter[], exclude: ReadonlySet<string> = new Set()): string {
  return parameters
    .filter((parameter) => !exclude.has(parameter.name))
    .map((parameter) => [parameter.encodedName, parameter.encodedValue] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => compareCodeUnits(nameA, nameB) || compareCodeUnits(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * Canonical URI. S3 signs the path exactly as sent (already URI-encoded once by the client, never normalised).
 * Every other service signs the dot-segment-normalised path encoded a second time, with '/' kept.
 */
export function canonicalUri(rawPath: string, service: string): string {
  const path = rawPath === '' ? '/' : rawPath;
  if (service === 's3') return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return uriEncode(normalized === '' ? '/' : normalized, true);
}

/**
 * Header lookup by lower-case name; repeated values are joined with ','. Node's request headers are keyed in lower
 * case, so the direct lookup answers; other bags (mixed-case names) are searched.
 */
export function headerValue(headers: HeaderBag, lowerName: string): string | undefined {
  const direct = headers[lowerName];
  if (direct !== undefined) return Array.isArray(direct) ? direct.join(',') : direct;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name.toLowerCase() !== lowerName) continue;
    return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}

/** `name:value\n` for each signed header, value trimmed and inner whitespace runs collapsed to one space. */
export function canonicalHeaderBlock(headers: HeaderBag, signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => {
      const value = headerValue(headers, name) ?? '';
      return `${name}:${value.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
}

export interface CanonicalRequestParts {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  headers: HeaderBag;
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method.toUpperCase(),
    parts.canonicalUri,
    parts.canonicalQuery,
    canonicalHeaderBlock(parts.headers, parts.signedHeaders),
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}
