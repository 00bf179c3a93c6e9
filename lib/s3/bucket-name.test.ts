import { describe, expect, it } from 'vitest';
import { bucketArn, bucketNameFromArn, isValidBucketName, validateBucketName } from '@/lib/s3/bucket-name';

describe('validateBucketName', () => {
  const valid = ['abc', 'my-bucket', 'my.bucket.example', '1bucket9', 'a'.repeat(63), 'docexamplebucket1', 'xn-ok', 'bucket-s3alias-not-suffix'];
  it.each(valid)('accepts %s', (name) => expect(validateBucketName(name)).toEqual([]));

  const invalid: [string, string[]][] = [
    ['ab', ['Bucket name must be between 3 and 63 characters long.']],
    ['a'.repeat(64), ['Bucket name must be between 3 and 63 characters long.']],
    ['My_Bucket', ['Bucket name can consist only of lowercase letters, numbers, periods (.), and hyphens (-).']],
    ['-bucket', ['Bucket name must begin and end with a letter or number.']],
    ['bucket.', ['Bucket name must begin and end with a letter or number.']],
    ['my..bucket', ['Bucket name must not contain two adjacent periods.']],
    ['192.168.5.4', ['Bucket name must not be formatted as an IP address (for example, 192.168.5.4).']],
    ['xn--bucket', ['Bucket name must not start with the prefix "xn--".']],
    ['sthree-bucket', ['Bucket name must not start with the prefix "sthree-".']],
    ['amzn-s3-demo-bucket', ['Bucket name must not start with the prefix "amzn-s3-demo-".']],
    ['bucket-s3alias', ['Bucket name must not end with the suffix "-s3alias".']],
    ['bucket--ol-s3', ['Bucket name must not end with the suffix "--ol-s3".']],
    ['bucket.mrap', ['Bucket name must not end with the suffix ".mrap".']],
    ['bucket--x-s3', ['Bucket name must not end with the suffix "--x-s3".']],
    ['bucket--table-s3', ['Bucket name must not end with the suffix "--table-s3".']],
    [
      '_A',
      [
        'Bucket name must be between 3 and 63 characters long.',
        'Bucket name can consist only of lowercase letters, numbers, periods (.), and hyphens (-).',
        'Bucket name must begin and end with a letter or number.',
      ],
    ],
  ];
  it.each(invalid)('rejects %s with every violated rule', (name, problems) => {
    expect(validateBucketName(name)).toEqual(problems);
    expect(isValidBucketName(name)).toBe(false);
  });
});

describe('bucket ARNs', () => {
  it.each([
    ['arn:aws:s3:::dst', 'dst'],
    ['arn:aws:s3:::', undefined],
    ['arn:aws:s3:::dst/key', undefined],
    ['dst', undefined],
  ])('bucketNameFromArn(%s) = %s', (arn, name) => expect(bucketNameFromArn(arn)).toBe(name));
  it('bucketArn', () => expect(bucketArn('b')).toBe('arn:aws:s3:::b'));
});
