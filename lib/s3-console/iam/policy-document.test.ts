import { describe, expect, it } from 'vitest';
import { formatPolicyDocument } from './policy-document';

describe('formatPolicyDocument', () => {
  it('decodes IAM URL encoding and pretty-prints the JSON', () => {
    const encoded = encodeURIComponent('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
    expect(formatPolicyDocument(encoded)).toBe(
      ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', '      "Action": "s3:*",', '      "Resource": "*"', '    }', '  ]', '}'].join('\n'),
    );
  });

  it('accepts a document sent as plain JSON, even with a "%" that is not an escape', () => {
    expect(formatPolicyDocument('{"Sid":"100%"}')).toBe('{\n  "Sid": "100%"\n}');
  });

  it('shows a document that is not JSON as it came, and nothing for none', () => {
    expect(formatPolicyDocument('not%20json')).toBe('not json');
    expect(formatPolicyDocument(undefined)).toBe('');
  });
});
