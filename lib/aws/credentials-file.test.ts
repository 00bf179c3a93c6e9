import { describe, expect, it } from 'vitest';
import { parseCredentialsFile } from './credentials-file';

describe('parseCredentialsFile', () => {
  const file = [
    '# written by the embedded endpoint',
    '[other]',
    'aws_access_key_id = AKIAOTHER',
    'aws_secret_access_key = other-secret',
    '',
    '[default]',
    'aws_access_key_id=AKIAEMBEDDED',
    '; a comment inside the section',
    'AWS_SECRET_ACCESS_KEY = abc/def+ghi=',
    'region = us-east-1',
  ].join('\r\n');

  it('reads the default profile, keeping "=" inside the secret', () => {
    expect(parseCredentialsFile(file)).toEqual({ accessKeyId: 'AKIAEMBEDDED', secretAccessKey: 'abc/def+ghi=' });
  });

  it('reads a named profile', () => {
    expect(parseCredentialsFile(file, 'other')).toEqual({ accessKeyId: 'AKIAOTHER', secretAccessKey: 'other-secret' });
  });

  it('returns undefined when the profile or a key is missing', () => {
    expect(parseCredentialsFile(file, 'missing')).toBeUndefined();
    expect(parseCredentialsFile('[default]\naws_access_key_id = AKIAONLY\n')).toBeUndefined();
    expect(parseCredentialsFile('')).toBeUndefined();
  });
});
