import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import { compareBuckets } from './compare';
import { ListingOrderError } from './merge-join';
import { compareKeys } from './key-order';
import { entry, mergeJoinKeys, pagesOf } from './testkit';
import type { CompareInput, CompareRow, ListedEntry, SourceVersionDetails, SourceVersionRef } from './types';

const DEST = 'arn:aws:s3:::dst';

function rule(extra: Partial<ReplicationRule> = {}): ReplicationRule {
  return {
    ID: 'r1',
    Priority: 1,
    Status: 'Enabled',
    Filter: { Prefix: '' },
    DeleteMarkerReplication: { Status: 'Disabled' },
    Destination: { Bucket: DEST },
    ...extra,
  };
}

const config = (...rules: ReplicationRule[]): ReplicationConfiguration => ({ Role: 'arn:aws:iam::123456789012:role/r', Rules: rules });

interface Case {
  name: string;
  source: ListedEntry[];
  destination: ListedEntry[];
  details?: Record<string, SourceVersionDetails>;
  configuration?: ReplicationConfiguration;
  mode?: CompareInput['mode'];
  expected: { key: string; class: CompareRow['class']; reason?: string; ruleId?: string }[];
}

async function run(input: Omit<CompareInput, 'source' | 'destination' | 'lookup'> & {
  source: ListedEntry[];
  destination: ListedEntry[];
  details?: Record<string, SourceVersionDetails>;
  sourcePage?: number;
  destinationPage?: number;
}) {
  const lookups: SourceVersionRef[] = [];
  const comparison = compareBuckets({
    ...input,
    source: pagesOf(input.source, input.sourcePage ?? 2),
    destination: pagesOf(input.destination, input.destinationPage ?? 3),
    lookup: async (ref) => {
      lookups.push(ref);
      return input.details?.[ref.versionId ? `${ref.key}@${ref.versionId}` : ref.key] ?? {};
    },
  });
  const rows: CompareRow[] = [];
  for await (const row of comparison.rows) rows.push(row);
  return { rows, summary: comparison.summary, lookups };
}

const brief = (rows: CompareRow[]) =>
  rows.map((row) => ({ key: row.key, class: row.class, ...(row.reason ? { reason: row.reason.code } : {}), ...(row.ruleId ? { ruleId: row.ruleId } : {}) }));

const cases: Case[] = [
  { name: 'same ETag and size → replicated', source: [entry('a')], destination: [entry('a')], configuration: config(rule()), expected: [{ key: 'a', class: 'replicated' }] },
  {
    name: 'PENDING on the source → pending',
    source: [entry('a')],
    destination: [],
    details: { a: { replicationStatus: 'PENDING' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'pending' }],
  },
  {
    name: 'PENDING with an older copy at the destination → pending, not differs',
    source: [entry('a', '"new"')],
    destination: [entry('a', '"old"')],
    details: { a: { replicationStatus: 'PENDING' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'pending' }],
  },
  {
    name: 'FAILED with a backend reason',
    source: [entry('a')],
    destination: [],
    details: { a: { replicationStatus: 'FAILED', failureReason: 'DstBucketNotFound' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'failed', reason: 'DstBucketNotFound' }],
  },
  {
    name: 'FAILED without a reason',
    source: [entry('a')],
    destination: [],
    details: { a: { replicationStatus: 'FAILED' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'failed', reason: 'REPLICATION_FAILED' }],
  },
  {
    name: 'no status while the rule matches → existed before the rule',
    source: [entry('a')],
    destination: [],
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'EXISTED_BEFORE_RULE', ruleId: 'r1' }],
  },
  {
    name: 'outside the prefix → filter mismatch',
    source: [entry('other/a')],
    destination: [],
    configuration: config(rule({ Filter: { Prefix: 'logs/' } })),
    expected: [{ key: 'other/a', class: 'not-replicated', reason: 'FILTER_MISMATCH', ruleId: 'r1' }],
  },
  {
    name: 'missing tag → filter mismatch (tags looked up)',
    source: [entry('a')],
    destination: [],
    details: { a: { tags: [{ Key: 'env', Value: 'dev' }] } },
    configuration: config(rule({ Filter: { Tag: { Key: 'env', Value: 'prod' } } })),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'FILTER_MISMATCH', ruleId: 'r1' }],
  },
  {
    name: 'matching tag but no status → existed before the rule',
    source: [entry('a')],
    destination: [],
    details: { a: { tags: [{ Key: 'env', Value: 'prod' }] } },
    configuration: config(rule({ Filter: { Tag: { Key: 'env', Value: 'prod' } } })),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'EXISTED_BEFORE_RULE', ruleId: 'r1' }],
  },
  {
    name: 'rule disabled',
    source: [entry('a')],
    destination: [],
    configuration: config(rule({ Status: 'Disabled' })),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'RULE_DISABLED', ruleId: 'r1' }],
  },
  {
    name: 'KMS-encrypted and not opted in',
    source: [entry('a')],
    destination: [],
    details: { a: { sseAlgorithm: 'aws:kms', kmsKeyId: 'k' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'KMS_NOT_OPTED_IN', ruleId: 'r1' }],
  },
  {
    name: 'the source version is itself a replica',
    source: [entry('a')],
    destination: [],
    details: { a: { replicationStatus: 'REPLICA' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'IS_REPLICA' }],
  },
  {
    name: 'Glacier storage class',
    source: [entry('a', '"a"', 1, { storageClass: 'GLACIER' })],
    destination: [],
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'GLACIER_STORAGE_CLASS' }],
  },
  {
    name: 'no rule to this destination',
    source: [entry('a')],
    destination: [],
    configuration: config(rule({ Destination: { Bucket: 'arn:aws:s3:::elsewhere' } })),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'NO_RULE_FOR_DESTINATION' }],
  },
  {
    name: 'no configuration at all',
    source: [entry('a')],
    destination: [],
    expected: [{ key: 'a', class: 'not-replicated', reason: 'NO_RULE_FOR_DESTINATION' }],
  },
  {
    name: 'COMPLETED but gone from the destination',
    source: [entry('a')],
    destination: [],
    details: { a: { replicationStatus: 'COMPLETED' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'MISSING_AT_DESTINATION' }],
  },
  {
    name: 'other content at the destination → differs',
    source: [entry('a', '"x"', 5)],
    destination: [entry('a', '"y"', 6)],
    details: { a: { replicationStatus: 'COMPLETED' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'differs', reason: 'CONTENT_DIFFERS' }],
  },
  { name: 'only in destination', source: [], destination: [entry('z')], configuration: config(rule()), expected: [{ key: 'z', class: 'only-in-destination' }] },
  {
    name: 'versions: same version id → replicated; other source version existed before; extra destination version',
    mode: 'versions',
    source: [entry('a', '"2"', 1, { versionId: 'v2', isLatest: true }), entry('a', '"1"', 1, { versionId: 'v1' })],
    destination: [entry('a', '"2"', 1, { versionId: 'v2', isLatest: true }), entry('a', '"0"', 1, { versionId: 'v0' })],
    configuration: config(rule()),
    expected: [
      { key: 'a', class: 'replicated' },
      { key: 'a', class: 'not-replicated', reason: 'EXISTED_BEFORE_RULE', ruleId: 'r1' },
      { key: 'a', class: 'only-in-destination' },
    ],
  },
  {
    name: 'versions: delete marker not replicated (DeleteMarkerReplication disabled)',
    mode: 'versions',
    source: [entry('a', undefined, 0, { versionId: 'dm', isDeleteMarker: true, isLatest: true })],
    destination: [],
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'not-replicated', reason: 'DELETE_MARKER_NOT_REPLICATED', ruleId: 'r1' }],
  },
  {
    name: 'versions: replicated delete marker',
    mode: 'versions',
    source: [entry('a', undefined, 0, { versionId: 'dm', isDeleteMarker: true })],
    destination: [entry('a', undefined, 0, { versionId: 'dm', isDeleteMarker: true })],
    configuration: config(rule({ DeleteMarkerReplication: { Status: 'Enabled' } })),
    expected: [{ key: 'a', class: 'replicated' }],
  },
  {
    name: 'versions: pending version looked up by version id',
    mode: 'versions',
    source: [entry('a', '"1"', 1, { versionId: 'v1' })],
    destination: [],
    details: { 'a@v1': { replicationStatus: 'PENDING' } },
    configuration: config(rule()),
    expected: [{ key: 'a', class: 'pending' }],
  },
];

describe('compareBuckets: every class and reason', () => {
  it.each(cases)('$name', async (testCase) => {
    const { rows } = await run({
      mode: testCase.mode ?? 'current',
      sourceBucket: 'src',
      destinationBucket: 'dst',
      source: testCase.source,
      destination: testCase.destination,
      details: testCase.details,
      configuration: testCase.configuration,
    });
    expect(brief(rows)).toEqual(testCase.expected);
    for (const row of rows) if (row.reason) expect(row.reason.message.length).toBeGreaterThan(10);
  });
});

describe('compareBuckets: streaming join', () => {
  const keys = ['a', 'Z', 'é', '😀', '\uFF5E', 'a/b', 'b', 'ab', '0', 'zz'].sort(compareKeys);

  it.each([
    [1, 1],
    [1, 7],
    [3, 2],
    [1000, 4],
  ])('joins keys in byte order with source pages of %i and destination pages of %i', async (sourcePage, destinationPage) => {
    const source = keys.filter((_, i) => i % 3 !== 0).map((key) => entry(key));
    const destination = keys.filter((_, i) => i % 2 === 0).map((key) => entry(key));
    const { rows, summary, lookups } = await run({
      mode: 'current',
      sourceBucket: 'src',
      destinationBucket: 'dst',
      configuration: config(rule()),
      source,
      destination,
      sourcePage,
      destinationPage,
    });
    expect(rows.map((row) => row.key)).toEqual(keys.filter((_, i) => i % 3 !== 0 || i % 2 === 0));
    const inBoth = keys.filter((_, i) => i % 3 !== 0 && i % 2 === 0);
    expect(rows.filter((row) => row.class === 'replicated').map((row) => row.key)).toEqual(inBoth);
    expect(summary.counts.replicated).toBe(inBoth.length);
    expect(summary.rows).toBe(rows.length);
    expect(summary.sourceEntries).toBe(source.length);
    expect(summary.destinationEntries).toBe(destination.length);
    // Only source keys the listings could not settle were looked up.
    expect(lookups.map((ref) => ref.key)).toEqual(source.filter((e) => !inBoth.includes(e.key)).map((e) => e.key));
  });

  it('rejects a listing that is not in S3 key order', async () => {
    const joined = mergeJoinKeys(pagesOf([entry('😀'), entry('\uFF5E')], 1), pagesOf([], 1));
    await expect(async () => {
      for await (const row of joined) void row;
    }).rejects.toThrow(ListingOrderError);
  });

  it('lists both sides concurrently and holds only a bounded number of lookups', async () => {
    let inFlight = 0;
    let peak = 0;
    const many = Array.from({ length: 300 }, (_, i) => entry(`k${String(i).padStart(4, '0')}`));
    const started = Date.now();
    const comparison = compareBuckets({
      mode: 'current',
      sourceBucket: 'src',
      destinationBucket: 'dst',
      configuration: config(rule()),
      source: pagesOf(many, 50, 30),
      destination: pagesOf([], 50, 30),
      lookupConcurrency: 4,
      lookup: async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return { replicationStatus: 'PENDING' };
      },
    });
    let count = 0;
    for await (const row of comparison.rows) count += row.class === 'pending' ? 1 : 0;
    expect(count).toBe(300);
    expect(peak).toBe(4);
    expect(comparison.summary.lookups).toBe(300);
    expect(Date.now() - started).toBeGreaterThan(6 * 30 - 10);
  });

  it('stops listing when the consumer stops early', async () => {
    let pagesRead = 0;
    async function* counted() {
      // 100 pages per side; the classifier reads ahead a bounded window (hundreds of keys), never the whole listing.
      for await (const page of pagesOf(Array.from({ length: 10_000 }, (_, i) => entry(`k${String(i).padStart(5, '0')}`)), 100)) {
        pagesRead += 1;
        yield page;
      }
    }
    const comparison = compareBuckets({
      mode: 'current',
      sourceBucket: 'src',
      destinationBucket: 'dst',
      source: counted(),
      destination: counted(),
      lookup: async () => ({}),
    });
    for await (const row of comparison.rows) if (row.key === 'k00005') break;
    expect(pagesRead).toBeLessThan(30);
  });

  it('yields the keys before a slow lookup at once and the keys after it only once it answers, in key order', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => entry(`k${String(i).padStart(2, '0')}`));
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const comparison = compareBuckets({
      mode: 'current',
      sourceBucket: 'src',
      destinationBucket: 'dst',
      configuration: config(rule()),
      source: pagesOf(keys, 7),
      destination: pagesOf(keys.filter((e) => e.key !== 'k05'), 7),
      lookup: async () => {
        await answered;
        return { replicationStatus: 'PENDING' };
      },
    });
    const first = [];
    for (let i = 0; i < 5; i += 1) first.push((await comparison.rows.next()).value?.key);
    expect(first).toEqual(['k00', 'k01', 'k02', 'k03', 'k04']);
    let sixth: IteratorResult<CompareRow> | undefined;
    const next = comparison.rows.next().then((result) => (sixth = result));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sixth).toBeUndefined(); // k06… are settled, but wait behind k05
    expect(comparison.summary.sourceEntries).toBe(20); // the listing went on meanwhile
    release();
    await next;
    expect(sixth?.value).toMatchObject({ key: 'k05', class: 'pending' });
    const rest = [];
    for await (const row of comparison.rows) rest.push(row.key);
    expect(rest).toEqual(keys.slice(6).map((e) => e.key));
    expect(comparison.summary.counts).toMatchObject({ replicated: 19, pending: 1 });
  });
});
