import { CreateBucketCommand, ListBucketsCommand, paginateListBuckets, type ListBucketsCommandInput } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3Failure } from '../test/harness';
import { endpointForSuite } from '../testing/endpoint.testkit';

const t = endpointForSuite();
const BUCKETS: [string, string | undefined][] = [
  ['page-a1', undefined],
  ['page-a2', undefined],
  ['page-b1', 'eu-west-1'],
  ['page-b2', 'eu-west-1'],
  ['zz-other', 'ap-south-1'],
];

beforeAll(async () => {
  for (const [name, region] of BUCKETS) {
    await t.s3.send(
      new CreateBucketCommand({
        Bucket: name,
        CreateBucketConfiguration: region ? { LocationConstraint: region as 'eu-west-1' } : undefined,
      }),
    );
  }
});

const list = (input: ListBucketsCommandInput = {}) => t.s3.send(new ListBucketsCommand(input));
const names = (answer: Awaited<ReturnType<typeof list>>) => answer.Buckets?.map((bucket) => bucket.Name);

describe('ListBuckets', () => {
  it('lists every bucket in name order with its region, and no token, when nothing limits the page', async () => {
    const answer = await list();
    expect(answer.Buckets?.map((bucket) => [bucket.Name, bucket.BucketRegion])).toEqual([
      ['page-a1', 'us-east-1'],
      ['page-a2', 'us-east-1'],
      ['page-b1', 'eu-west-1'],
      ['page-b2', 'eu-west-1'],
      ['zz-other', 'ap-south-1'],
    ]);
    expect(answer.ContinuationToken).toBeUndefined();
    expect(answer.Prefix).toBeUndefined();
  });

  it('pages with max-buckets and continuation-token, and the token is not a bucket name', async () => {
    const first = await list({ MaxBuckets: 2 });
    expect(names(first)).toEqual(['page-a1', 'page-a2']);
    expect(first.ContinuationToken).toBeTruthy();
    expect(BUCKETS.map(([name]) => name)).not.toContain(first.ContinuationToken);
    const second = await list({ MaxBuckets: 2, ContinuationToken: first.ContinuationToken });
    expect(names(second)).toEqual(['page-b1', 'page-b2']);
    const third = await list({ MaxBuckets: 2, ContinuationToken: second.ContinuationToken });
    expect(names(third)).toEqual(['zz-other']);
    expect(third.ContinuationToken).toBeUndefined();
  });

  it('gives no token when the page holds exactly the last buckets', async () => {
    const answer = await list({ MaxBuckets: 5 });
    expect(names(answer)).toHaveLength(5);
    expect(answer.ContinuationToken).toBeUndefined();
  });

  it('filters by prefix (echoed) and by bucket-region, and pages within the filter', async () => {
    const prefixed = await list({ Prefix: 'page-', MaxBuckets: 3 });
    expect(names(prefixed)).toEqual(['page-a1', 'page-a2', 'page-b1']);
    expect(prefixed.Prefix).toBe('page-');
    const rest = await list({ Prefix: 'page-', MaxBuckets: 3, ContinuationToken: prefixed.ContinuationToken });
    expect(names(rest)).toEqual(['page-b2']);
    expect(rest.ContinuationToken).toBeUndefined();

    const europe = await list({ BucketRegion: 'eu-west-1', MaxBuckets: 1 });
    expect(names(europe)).toEqual(['page-b1']);
    const europeRest = await list({ BucketRegion: 'eu-west-1', MaxBuckets: 1, ContinuationToken: europe.ContinuationToken });
    expect(names(europeRest)).toEqual(['page-b2']);
    expect(europeRest.ContinuationToken).toBeUndefined();
    expect(names(await list({ BucketRegion: 'sa-east-1' }))).toEqual([]);
  });

  it("works with the SDK's paginator", async () => {
    const seen: (string | undefined)[] = [];
    for await (const page of paginateListBuckets({ client: t.s3, pageSize: 2 }, {})) seen.push(...(names(page) ?? []));
    expect(seen).toEqual(BUCKETS.map(([name]) => name));
  });

  it('refuses max-buckets outside 1..10000 and a token it did not issue with InvalidArgument', async () => {
    for (const MaxBuckets of [0, 10_001]) {
      expect(await s3Failure(list({ MaxBuckets }))).toMatchObject({
        name: 'InvalidArgument',
        message: 'max-buckets must be an integer between 1 and 10000',
        status: 400,
      });
    }
    expect(await s3Failure(list({ ContinuationToken: 'not-a-token' }))).toMatchObject({
      name: 'InvalidArgument',
      message: 'The continuation token provided is incorrect',
      status: 400,
    });
  });
});
