import { describe, expect, it } from 'vitest';
import { validateBucketName } from '@/lib/s3/bucket-name';
import { suffixedNames, TUTORIAL_NAMES } from './names';

describe('tutorial names', () => {
  it('are the tutorial’s own for the demo', () => {
    expect(TUTORIAL_NAMES).toMatchObject({ source: 'jtpbucket', destination: 'jtp1bucket', ruleId: 'S3CRR', group: 'javatpoint' });
  });

  it('suffixes buckets, group and user for the browser test, keeping valid names and the generated role name short', () => {
    const names = suffixedNames('mx3k9a');
    expect(names).toMatchObject({ source: 'jtpbucket-mx3k9a', destination: 'jtp1bucket-mx3k9a', group: 'javatpoint-mx3k9a', ruleId: 'S3CRR' });
    expect(validateBucketName(names.source)).toEqual([]);
    expect(validateBucketName(names.destination)).toEqual([]);
    // IAM role names are limited to 64 characters; the wizard names the role after both buckets.
    expect(`s3crr_role_for_${names.source}_to_${names.destination}`.length).toBeLessThanOrEqual(64);
  });

  it('refuses a suffix that would make an invalid or over-long name', () => {
    expect(() => suffixedNames('Upper')).toThrow(/lowercase/);
    expect(() => suffixedNames('')).toThrow();
    expect(() => suffixedNames('abcdefghi')).toThrow();
  });
});
