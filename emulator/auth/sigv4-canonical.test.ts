import { describe, expect, it } from 'vitest';
import { canonicalHeaderBlock, canonicalQueryString, canonicalUri, parseRawQuery, uriEncode } from './sigv4-canonical';

describe('SigV4 canonical forms', () => {
  it('encodes everything but unreserved characters, with upper-case hex', () => {
    expect(uriEncode("a b+c/ü~_-.!'()*")).toBe('a%20b%2Bc%2F%C3%BC~_-.%21%27%28%29%2A');
    expect(uriEncode('a/b c', true)).toBe('a/b%20c');
  });

  it('re-encodes query parameters canonically whatever encoding the client chose', () => {
    const parameters = parseRawQuery('prefix=a%2fb%7E&acl&marker=%zz&list-type=2&&tag=b&tag=a');
    expect(parameters.map((p) => [p.name, p.value])).toEqual([
      ['prefix', 'a/b~'],
      ['acl', ''],
      ['marker', '%zz'],
      ['list-type', '2'],
      ['tag', 'b'],
      ['tag', 'a'],
    ]);
    expect(canonicalQueryString(parameters)).toBe('acl=&list-type=2&marker=%25zz&prefix=a%2Fb~&tag=a&tag=b');
    expect(canonicalQueryString(parseRawQuery('X-Amz-Signature=1&b=2'), new Set(['X-Amz-Signature']))).toBe('b=2');
  });

  it('keeps bytes that are not UTF-8 as they were sent', () => {
    expect(canonicalQueryString(parseRawQuery('k=%FF%FE'))).toBe('k=%FF%FE');
  });

  it('reads + as a literal plus by default and as a space on request', () => {
    expect(canonicalQueryString(parseRawQuery('prefix=a+b'))).toBe('prefix=a%2Bb');
    expect(canonicalQueryString(parseRawQuery('prefix=a+b', true))).toBe('prefix=a%20b');
  });

  it('uses the S3 path verbatim and normalises/double-encodes other services', () => {
    expect(canonicalUri('/bucket/a%20b//./c', 's3')).toBe('/bucket/a%20b//./c');
    expect(canonicalUri('', 's3')).toBe('/');
    expect(canonicalUri('/a/./b/../c%20d/', 'iam')).toBe('/a/c%2520d/');
    expect(canonicalUri('', 'sts')).toBe('/');
  });

  it('builds the header block from signed headers only, trimming and collapsing whitespace', () => {
    const headers = { Host: 'h', 'x-amz-meta-a': ['1', ' 2  3 '], 'x-amz-date': 'd', other: 'o' };
    expect(canonicalHeaderBlock(headers, ['host', 'x-amz-meta-a', 'missing'])).toBe('host:h\nx-amz-meta-a:1, 2 3\nmissing:\n');
  });
});
