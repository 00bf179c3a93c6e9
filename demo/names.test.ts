import { describe, expect, it } from 'vitest';
import { validateBucketName } from '@/lib/s3/bucket-name';
import { isolatedNames, TUTORIAL_NAMES } from './names';

describe('tutorial names', () => {
  it('are the tutorial’s own for the demo', () => {
    expect(TUTORIAL_NAMES).toMatchObject({ source: 'jtpbucket', destination: 'jtp1bucket', ruleId: 'S3CRR', group: 'javatpoint' });
  });

  it('gives the browser test names of its own, none containing a tutorial name, valid, with a short role name', () => {
    const names = isolatedNames('mx3k9a');
    expect(names).toMatchObject({ source: 'demo-src-mx3k9a', destination: 'demo-dst-mx3k9a', group: 'demo-admins-mx3k9a', ruleId: 'S3CRR' });
    for (const name of [names.source, names.destination, names.group, names.user]) {
      for (const tutorialName of [TUTORIAL_NAMES.source, TUTORIAL_NAMES.destination, TUTORIAL_NAMES.group, TUTORIAL_NAMES.user]) {
        expect(name).not.toContain(tutorialName);
      }
    }
    expect(validateBucketName(names.source)).toEqual([]);
    expect(validateBucketName(names.destination)).toEqual([]);
    // IAM role names are limited to 64 characters; the wizard names the role after both buckets.
    expect(`s3crr_role_for_${names.source}_to_${names.destination}`.length).toBeLessThanOrEqual(64);
  });

  it('refuses a suffix that would make an invalid or over-long name', () => {
    expect(() => isolatedNames('Upper')).toThrow(/lowercase/);
    expect(() => isolatedNames('')).toThrow();
    expect(() => isolatedNames('abcdefghi')).toThrow();
  });
});
