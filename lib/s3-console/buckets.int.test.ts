import { GetBucketLocationCommand, GetBucketVersioningCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBucketInput, deleteBucketInput } from './bucket-inputs';
import { createBucket, deleteBucket } from './buckets';
import { startTestEndpoint, type TestEndpoint } from './endpoint.testkit';

vi.mock('server-only', () => ({}));
const { action } = await import('@/lib/actions/action');

let endpoint: TestEndpoint;
beforeAll(async () => {
  endpoint = await startTestEndpoint();
});
afterAll(async () => endpoint?.stop());

const createBucketAction = action(createBucketInput, (input) => createBucket(endpoint.s3, input));
const deleteBucketAction = action(deleteBucketInput, (input) => deleteBucket(endpoint.s3, input));

async function bucketNames(): Promise<string[]> {
  const { Buckets } = await endpoint.s3Default.send(new ListBucketsCommand({}));
  return (Buckets ?? []).map((bucket) => bucket.Name ?? '');
}

describe('create bucket', () => {
  it('creates jtpbucket in us-east-2 with versioning enabled', async () => {
    const result = await createBucketAction({ name: 'jtpbucket', region: 'us-east-2', versioning: true });
    expect(result).toEqual({ ok: true, data: { name: 'jtpbucket', region: 'us-east-2', versioning: 'Enabled' } });
    const location = await endpoint.s3Default.send(new GetBucketLocationCommand({ Bucket: 'jtpbucket' }));
    expect(location.LocationConstraint).toBe('us-east-2');
    const versioning = await endpoint.s3('us-east-2').send(new GetBucketVersioningCommand({ Bucket: 'jtpbucket' }));
    expect(versioning.Status).toBe('Enabled');
  });

  it('creates a us-east-1 bucket without a location constraint and without versioning', async () => {
    const result = await createBucketAction({ name: 'plain-east', region: 'us-east-1', versioning: false });
    expect(result.ok).toBe(true);
    const versioning = await endpoint.s3Default.send(new GetBucketVersioningCommand({ Bucket: 'plain-east' }));
    expect(versioning.Status).toBeUndefined();
  });

  it('refuses an invalid name with every rule it breaks, next to the field, and creates nothing', async () => {
    const before = await bucketNames();
    const result = await createBucketAction({ name: 'bad_name', region: 'us-east-2', versioning: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('InvalidInput');
    expect(result.error.fieldErrors?.name).toEqual([
      'Bucket name can consist only of lowercase letters, numbers, periods (.), and hyphens (-).',
    ]);
    expect(await bucketNames()).toEqual(before);
  });

  it('refuses a region that is not a region code', async () => {
    const result = await createBucketAction({ name: 'valid-name', region: '', versioning: false });
    expect(result.ok || result.error.fieldErrors?.region).toEqual(['Choose an AWS Region.']);
  });

  it('refuses a duplicate with BucketAlreadyOwnedByYou and leaves the existing bucket as it was', async () => {
    const result = await createBucketAction({ name: 'plain-east', region: 'us-east-1', versioning: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BucketAlreadyOwnedByYou');
    expect(result.error.message).toContain('plain-east');
    const versioning = await endpoint.s3Default.send(new GetBucketVersioningCommand({ Bucket: 'plain-east' }));
    expect(versioning.Status).toBeUndefined();
  });
});

describe('delete bucket', () => {
  it('needs the typed confirmation to match the name', async () => {
    const result = await deleteBucketAction({ name: 'plain-east', confirmation: 'plain' });
    expect(result.ok || result.error.fieldErrors).toEqual({
      confirmation: ['Type the bucket name exactly to confirm the deletion.'],
    });
    expect(await bucketNames()).toContain('plain-east');
  });

  it('refuses a non-empty bucket with S3 BucketNotEmpty and keeps it and its object', async () => {
    await endpoint.s3('us-east-2').send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: 'version.txt', Body: 'v1' }));
    const result = await deleteBucketAction({ name: 'jtpbucket', confirmation: 'jtpbucket' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BucketNotEmpty');
    expect(result.error.message).toMatch(/^The bucket you tried to delete is not empty/);
    expect(await bucketNames()).toContain('jtpbucket');
  });

  it('deletes an empty bucket', async () => {
    const result = await deleteBucketAction({ name: 'plain-east', confirmation: 'plain-east' });
    expect(result).toEqual({ ok: true, data: { name: 'plain-east' } });
    expect(await bucketNames()).not.toContain('plain-east');
  });

  it('reports NoSuchBucket for a bucket that is gone', async () => {
    const result = await deleteBucketAction({ name: 'plain-east', confirmation: 'plain-east' });
    expect(result.ok || result.error.code).toBe('NoSuchBucket');
  });
});
