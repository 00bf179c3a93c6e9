import { describe, expect, it } from 'vitest';
import type { ObjectVersion } from '../store/types';
import { emptyAttributes } from '../store/types';
import { bucketNameProblem } from './bucket-name';
import { parseCopySource } from './copy-source';
import { S3Error } from './errors';
import { urlEncodeKey } from './listing-params';
import { checkPreconditions } from './preconditions';
import { parseRange } from './range';

describe('bucketNameProblem', () => {
  it.each(['abc', 'my.bucket-1', 'a'.repeat(63), '1bucket'])('accepts %s', (name) => {
    expect(bucketNameProblem(name)).toBeUndefined();
  });
  it.each(['ab', 'a'.repeat(64), 'ABC', 'a_b', '.abc', 'abc-', 'a..b', '10.0.0.1', 'xn--abc', 'abc-s3alias', 'abc--ol-s3'])(
    'refuses %s',
    (name) => {
      expect(bucketNameProblem(name)).toBeTruthy();
    },
  );
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=5-', { start: 5, end: 9 }],
    ['bytes=-4', { start: 6, end: 9 }],
    ['bytes=-40', { start: 0, end: 9 }],
    ['bytes=3-400', { start: 3, end: 9 }],
    ['bytes=4-2', undefined],
    ['bytes=0-1,3-4', undefined],
    ['items=0-1', undefined],
  ])('%s of 10 bytes', (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });
  it.each(['bytes=10-', 'bytes=-0'])('%s is unsatisfiable', (header) => {
    expect(() => parseRange(header, 10)).toThrow(S3Error);
  });
});

describe('parseCopySource', () => {
  it('decodes bucket, key and version id', () => {
    expect(parseCopySource('/src/dir%2Fa%20b.txt?versionId=abc')).toEqual({ bucket: 'src', key: 'dir/a b.txt', versionId: 'abc' });
    expect(parseCopySource('src/k')).toEqual({ bucket: 'src', key: 'k', versionId: undefined });
  });
  it.each(['', 'bucket', 'bucket/', '%'])('refuses %j', (value) => {
    expect(() => parseCopySource(value)).toThrow(S3Error);
  });
});

describe('urlEncodeKey', () => {
  it('encodes like S3 encoding-type=url', () => {
    expect(urlEncodeKey('a b+c/d&é')).toBe('a+b%2Bc/d%26%C3%A9');
  });
});

describe('checkPreconditions', () => {
  const version = {
    ...emptyAttributes(),
    etag: '"abc"',
    lastModified: Date.parse('2026-01-01T00:00:10.500Z'),
  } as ObjectVersion;
  const outcome = (headers: Record<string, string>, prefix = '') => {
    try {
      checkPreconditions(headers, version, prefix);
      return 'ok';
    } catch (error) {
      return (error as S3Error).code;
    }
  };
  it.each([
    [{ 'if-match': '"abc"' }, 'ok'],
    [{ 'if-match': '*' }, 'ok'],
    [{ 'if-match': '"zzz"' }, 'PreconditionFailed'],
    [{ 'if-none-match': '"abc"' }, 'NotModified'],
    [{ 'if-none-match': '"zzz"' }, 'ok'],
    [{ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:10 GMT' }, 'NotModified'],
    [{ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:09 GMT' }, 'ok'],
    [{ 'if-unmodified-since': 'Thu, 01 Jan 2026 00:00:09 GMT' }, 'PreconditionFailed'],
    [{ 'if-match': '"abc"', 'if-unmodified-since': 'Thu, 01 Jan 2026 00:00:09 GMT' }, 'ok'],
    [{ 'if-none-match': '"zzz"', 'if-modified-since': 'Thu, 01 Jan 2026 00:00:10 GMT' }, 'ok'],
  ])('%j → %s', (headers, expected) => {
    expect(outcome(headers)).toBe(expected);
  });
  it('turns a would-be 304 into 412 for copy sources', () => {
    expect(outcome({ 'x-amz-copy-source-if-none-match': '"abc"' }, 'x-amz-copy-source-')).toBe('PreconditionFailed');
  });
});
