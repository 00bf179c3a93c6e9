import { describe, expect, it } from 'vitest';
import { slugOf } from './screenshot-record';

describe('slugOf', () => {
  it('turns a caption into a short file-name part', () => {
    expect(slugOf('Create bucket: jtpbucket in US East (Ohio)')).toBe('create-bucket-jtpbucket-in-us-east-ohio');
    expect(slugOf('“Replication configuration updated successfully”: Source, Destination and Permissions')).toBe(
      'replication-configuration-updated-successfully-s',
    );
    expect(slugOf('Step 4, Review: every change Save will make, with the new role’s least-privilege policies').length).toBeLessThanOrEqual(48);
  });

  it('never yields an empty name or one ending in a hyphen', () => {
    expect(slugOf('…')).toBe('screenshot');
    expect(slugOf('a'.repeat(47) + ' b')).toBe('a'.repeat(47));
  });
});
