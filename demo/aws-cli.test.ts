import { describe, expect, it } from 'vitest';
import { cleanCliOutput } from './aws-cli';

describe('cleanCliOutput', () => {
  it('keeps what a terminal shows once the progress line has been overwritten', () => {
    const raw =
      'Completed 10 Bytes/771 Bytes (151 Bytes/s) with 2 file(s) remaining\rcopy: s3://jtpbucket/version.txt to s3://jtp1bucket/version.txt\n' +
      'Completed 771 Bytes/771 Bytes (9.8 KiB/s) with 1 file(s) remaining\rcopy: s3://jtpbucket/download.jpg to s3://jtp1bucket/download.jpg\n';
    expect(cleanCliOutput(raw)).toBe(
      'copy: s3://jtpbucket/version.txt to s3://jtp1bucket/version.txt\ncopy: s3://jtpbucket/download.jpg to s3://jtp1bucket/download.jpg',
    );
  });

  it('drops a progress line left alone and keeps ordinary output as is', () => {
    expect(cleanCliOutput('Completed 5 Bytes/5 Bytes with 1 file(s) remaining\r')).toBe('');
    expect(cleanCliOutput('2026-11-27 14:00:00 jtp1bucket\n2026-11-27 14:00:00 jtpbucket\n')).toBe(
      '2026-11-27 14:00:00 jtp1bucket\n2026-11-27 14:00:00 jtpbucket',
    );
  });
});
