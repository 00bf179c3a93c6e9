import { describe, expect, it } from 'vitest';
import { downloadUrl, hasPending, objectKeys, objectRefId, PENDING_POLL_MS, replicationStatusesQuery, uploadUrl } from './objects';

describe('replication status polling', () => {
  it('polls while any visible object is PENDING and stops otherwise', () => {
    expect(hasPending({ 'a.txt': 'COMPLETED', 'b.txt': 'PENDING' })).toBe(true);
    expect(hasPending({ 'a.txt': 'COMPLETED', 'b.txt': 'FAILED', 'c.txt': 'REPLICA' })).toBe(false);
    expect(hasPending(undefined)).toBe(false);
  });

  it('sets refetchInterval from the last answer', () => {
    const options = replicationStatusesQuery('jtpbucket', [{ key: 'a.txt' }]);
    const interval = options.refetchInterval as (query: { state: { data: unknown } }) => number | false;
    expect(interval({ state: { data: { 'a.txt': 'PENDING' } } })).toBe(PENDING_POLL_MS);
    expect(interval({ state: { data: { 'a.txt': 'COMPLETED' } } })).toBe(false);
  });

  it('does not ask for the statuses of an empty page', () => {
    expect(replicationStatusesQuery('jtpbucket', []).enabled).toBe(false);
  });
});

describe('keys and URLs', () => {
  it('identifies a version by key and version id, an object by key', () => {
    expect(objectRefId({ key: 'a.txt' })).toBe('a.txt');
    expect(objectRefId({ key: 'a.txt', versionId: 'v1' })).toBe('a.txt\u0000v1');
  });

  it('keeps every object query of a bucket under one prefix, so one invalidation refreshes them all', () => {
    const prefix = objectKeys.all('jtpbucket');
    expect(objectKeys.page('jtpbucket', 'photos/', undefined).slice(0, prefix.length)).toEqual([...prefix]);
    expect(objectKeys.details('jtpbucket', 'a', undefined).slice(0, prefix.length)).toEqual([...prefix]);
  });

  it('encodes bucket, key and version id', () => {
    expect(downloadUrl('jtpbucket', { key: 'photos/a b&c.jpg', versionId: 'x+y' })).toBe(
      '/api/buckets/jtpbucket/download?key=photos%2Fa+b%26c.jpg&versionId=x%2By',
    );
    expect(uploadUrl('jtpbucket', 'notes/é.txt')).toBe('/api/buckets/jtpbucket/upload?key=notes%2F%C3%A9.txt');
  });
});
