import { describe, expect, it } from 'vitest';
import { validateTagKey, validateTagSet, validateTagValue, type S3Tag } from '@/lib/s3/tags';

describe('tag keys and values', () => {
  it.each([
    ['env', []],
    ['cost centre:team/a+b=c_d.e-f@g', []],
    ['ключ', []],
    ['', ['The TagKey you have provided is invalid']],
    ['k'.repeat(129), ['The TagKey you have provided is too long, max 128']],
    ['a*b', ['The TagKey you have provided is invalid']],
    ['aws:cloudformation', ['Your TagKey cannot be prefixed with aws:']],
    ['AWS:x', ['Your TagKey cannot be prefixed with aws:']],
  ])('key %j → %j', (key, problems) => expect(validateTagKey(key)).toEqual(problems));

  it.each([
    ['', []],
    ['v'.repeat(256), []],
    ['v'.repeat(257), ['The TagValue you have provided is too long, max 256']],
    ['a#b', ['The TagValue you have provided is invalid']],
  ])('value %j → %j', (value, problems) => expect(validateTagValue(value)).toEqual(problems));
});

describe('validateTagSet', () => {
  const tags = (n: number): S3Tag[] => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  it('object tag sets hold at most 10, bucket tag sets 50', () => {
    expect(validateTagSet(tags(10), 'object')).toEqual([]);
    expect(validateTagSet(tags(11), 'object')).toEqual([{ code: 'BadRequest', message: 'Object tags cannot be greater than 10' }]);
    expect(validateTagSet(tags(50), 'bucket')).toEqual([]);
    expect(validateTagSet(tags(51), 'bucket')).toEqual([{ code: 'BadRequest', message: 'Bucket tags cannot be greater than 50' }]);
  });
  it('reports duplicate keys and per-tag problems with their index', () => {
    expect(
      validateTagSet(
        [
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '2' },
          { Key: 'aws:x', Value: '3' },
        ],
        'object',
      ),
    ).toEqual([
      { index: 1, code: 'InvalidTag', message: 'Cannot provide multiple Tags with the same key' },
      { index: 2, code: 'InvalidTag', message: 'Your TagKey cannot be prefixed with aws:' },
    ]);
  });
});
