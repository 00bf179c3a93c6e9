import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import {
  describeRuleScope,
  evaluateVersionReplication,
  isV2Configuration,
  ruleDestinationBucketName,
  ruleMatchesKeyAndTags,
  type NotReplicatedReasonCode,
  type ObjectVersionFacts,
} from '@/lib/replication/evaluate';

const rule = (over: Partial<ReplicationRule>): ReplicationRule => ({
  ID: 'r',
  Priority: 1,
  Filter: {},
  Status: 'Enabled',
  Destination: { Bucket: 'arn:aws:s3:::dst' },
  DeleteMarkerReplication: { Status: 'Disabled' },
  ...over,
});
const cfg = (...Rules: ReplicationRule[]): ReplicationConfiguration => ({ Role: 'arn:aws:iam::1:role/r', Rules });
const v1 = (over: Partial<ReplicationRule>): ReplicationRule => ({ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::dst' }, ...over });

const T0 = new Date('2026-01-01T00:00:00Z');
const version = (over: Partial<ObjectVersionFacts> = {}): ObjectVersionFacts => ({
  key: 'logs/a.txt',
  versionId: 'v1',
  isDeleteMarker: false,
  createdAt: new Date('2026-06-01T00:00:00Z'),
  tags: {},
  storageClass: 'STANDARD',
  ...over,
});

type Expected = { replicate: true; ruleId?: string } | { replicate: false; code: NotReplicatedReasonCode };

describe('evaluateVersionReplication: one destination', () => {
  const cases: {
    name: string;
    config: ReplicationConfiguration | undefined;
    version: ObjectVersionFacts;
    since?: Record<string, Date>;
    expected: Expected;
  }[] = [
    { name: 'no configuration', config: undefined, version: version(), expected: { replicate: false, code: 'NO_RULES' } },
    { name: 'whole-bucket rule', config: cfg(rule({})), version: version(), expected: { replicate: true, ruleId: 'r' } },
    { name: 'prefix match', config: cfg(rule({ Filter: { Prefix: 'logs/' } })), version: version(), expected: { replicate: true } },
    {
      name: 'prefix mismatch',
      config: cfg(rule({ Filter: { Prefix: 'img/' } })),
      version: version(),
      expected: { replicate: false, code: 'FILTER_MISMATCH' },
    },
    {
      name: 'tag mismatch (value differs)',
      config: cfg(rule({ Filter: { Tag: { Key: 'env', Value: 'prod' } } })),
      version: version({ tags: { env: 'dev' } }),
      expected: { replicate: false, code: 'FILTER_MISMATCH' },
    },
    {
      name: 'And: prefix and all tags present (tag list form)',
      config: cfg(rule({ Filter: { And: { Prefix: 'logs/', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] } } })),
      version: version({ tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }, { Key: 'c', Value: '3' }] }),
      expected: { replicate: true },
    },
    {
      name: 'disabled rule',
      config: cfg(rule({ Status: 'Disabled' })),
      version: version(),
      expected: { replicate: false, code: 'RULE_DISABLED' },
    },
    {
      name: 'version older than the rule',
      config: cfg(rule({})),
      version: version({ createdAt: new Date('2025-12-31T00:00:00Z') }),
      since: { r: T0 },
      expected: { replicate: false, code: 'EXISTED_BEFORE_RULE' },
    },
    {
      name: 'version created the instant the rule came into force',
      config: cfg(rule({})),
      version: version({ createdAt: T0 }),
      since: { r: T0 },
      expected: { replicate: true },
    },
    {
      name: 'older version still replicated by an older rule to the same destination',
      config: cfg(rule({ ID: 'new', Priority: 9, Filter: { Prefix: 'logs/' } }), rule({ ID: 'old', Priority: 1 })),
      version: version({ createdAt: new Date('2025-12-31T00:00:00Z') }),
      since: { new: T0, old: new Date('2020-01-01T00:00:00Z') },
      expected: { replicate: true, ruleId: 'old' },
    },
    {
      name: 'a replica is not replicated again',
      config: cfg(rule({})),
      version: version({ replicationStatus: 'REPLICA' }),
      expected: { replicate: false, code: 'IS_REPLICA' },
    },
    {
      name: 'permanent version delete',
      config: cfg(rule({ DeleteMarkerReplication: { Status: 'Enabled' } })),
      version: version({ deletedByVersionId: true }),
      expected: { replicate: false, code: 'VERSION_DELETE' },
    },
    {
      name: 'V2 delete marker without DeleteMarkerReplication',
      config: cfg(rule({})),
      version: version({ isDeleteMarker: true }),
      expected: { replicate: false, code: 'DELETE_MARKER_NOT_REPLICATED' },
    },
    {
      name: 'V2 delete marker with DeleteMarkerReplication Enabled',
      config: cfg(rule({ DeleteMarkerReplication: { Status: 'Enabled' } })),
      version: version({ isDeleteMarker: true }),
      expected: { replicate: true },
    },
    {
      name: 'V1 replicates user delete markers',
      config: cfg(v1({ Prefix: 'logs/' })),
      version: version({ isDeleteMarker: true }),
      expected: { replicate: true },
    },
    {
      name: 'V1 does not replicate lifecycle delete markers',
      config: cfg(v1({})),
      version: version({ isDeleteMarker: true, createdByLifecycle: true }),
      expected: { replicate: false, code: 'DELETE_MARKER_NOT_REPLICATED' },
    },
    {
      name: 'SSE-KMS without opt-in',
      config: cfg(rule({})),
      version: version({ sse: { algorithm: 'aws:kms', kmsKeyId: 'k' } }),
      expected: { replicate: false, code: 'KMS_NOT_OPTED_IN' },
    },
    {
      name: 'DSSE-KMS without opt-in',
      config: cfg(rule({})),
      version: version({ sse: { algorithm: 'aws:kms:dsse' } }),
      expected: { replicate: false, code: 'KMS_NOT_OPTED_IN' },
    },
    {
      name: 'SSE-KMS with opt-in',
      config: cfg(
        rule({
          SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
          Destination: { Bucket: 'arn:aws:s3:::dst', EncryptionConfiguration: { ReplicaKmsKeyID: 'k' } },
        }),
      ),
      version: version({ sse: { algorithm: 'aws:kms' } }),
      expected: { replicate: true },
    },
    { name: 'SSE-S3 is replicated', config: cfg(rule({})), version: version({ sse: { algorithm: 'AES256' } }), expected: { replicate: true } },
    { name: 'SSE-C is replicated (current docs)', config: cfg(rule({})), version: version({ sse: { algorithm: 'SSE-C' } }), expected: { replicate: true } },
    {
      name: 'GLACIER source object',
      config: cfg(rule({})),
      version: version({ storageClass: 'GLACIER' }),
      expected: { replicate: false, code: 'GLACIER_STORAGE_CLASS' },
    },
    {
      name: 'DEEP_ARCHIVE source object',
      config: cfg(rule({})),
      version: version({ storageClass: 'DEEP_ARCHIVE' }),
      expected: { replicate: false, code: 'GLACIER_STORAGE_CLASS' },
    },
    { name: 'GLACIER_IR is replicated', config: cfg(rule({})), version: version({ storageClass: 'GLACIER_IR' }), expected: { replicate: true } },
    {
      name: 'priority: "starship" (2) beats "star" (1) for the same destination',
      config: cfg(rule({ ID: 'star', Priority: 1, Filter: { Prefix: 'star' } }), rule({ ID: 'starship', Priority: 2, Filter: { Prefix: 'starship' } })),
      version: version({ key: 'starship-x' }),
      expected: { replicate: true, ruleId: 'starship' },
    },
    {
      name: 'priority winner without KMS opt-in blocks (no fall-back to a lower rule)',
      config: cfg(
        rule({ ID: 'low', Priority: 1, SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } } }),
        rule({ ID: 'high', Priority: 5 }),
      ),
      version: version({ sse: { algorithm: 'aws:kms' } }),
      expected: { replicate: false, code: 'KMS_NOT_OPTED_IN' },
    },
    {
      name: 'V1: first matching rule in order',
      config: cfg(v1({ ID: 'a', Prefix: 'logs/' }), v1({ ID: 'b', Prefix: 'logs/a' })),
      version: version(),
      expected: { replicate: true, ruleId: 'a' },
    },
  ];
  it.each(cases)('$name', ({ config, version: v, since, expected }) => {
    const result = evaluateVersionReplication({
      configuration: config,
      sourceBucket: 'src',
      version: v,
      ruleEffectiveSince: since ? (id) => (id === undefined ? undefined : since[id]) : undefined,
    });
    expect(result.replicate).toBe(expected.replicate);
    const decision = result.destinations[0];
    if (expected.replicate) {
      expect(decision.replicate).toBe(true);
      if (expected.ruleId && decision.replicate) expect(decision.ruleId).toBe(expected.ruleId);
    } else {
      expect(result.reason?.code).toBe(expected.code);
      expect(result.reason?.message.length).toBeGreaterThan(10);
    }
  });
});

describe('evaluateVersionReplication: several destinations', () => {
  it('every destination with a matching rule replicates; others explain why not', () => {
    const result = evaluateVersionReplication({
      sourceBucket: 'src',
      version: version({ key: 'logs/x' }),
      configuration: cfg(
        rule({ ID: 'to-a', Priority: 1, Destination: { Bucket: 'arn:aws:s3:::a' } }),
        rule({ ID: 'to-b', Priority: 2, Filter: { Prefix: 'img/' }, Destination: { Bucket: 'arn:aws:s3:::b' } }),
        rule({ ID: 'to-c', Priority: 3, Status: 'Disabled', Destination: { Bucket: 'arn:aws:s3:::c' } }),
      ),
    });
    expect(result.replicate).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(result.destinations.map((d) => [d.destinationBucket, d.replicate ? d.ruleId : d.reason.code])).toEqual([
      ['a', 'to-a'],
      ['b', 'FILTER_MISMATCH'],
      ['c', 'RULE_DISABLED'],
    ]);
  });

  it('filter mismatch explains the prefix or the missing tags', () => {
    const byPrefix = evaluateVersionReplication({
      sourceBucket: 'src',
      version: version({ key: 'a.txt' }),
      configuration: cfg(rule({ ID: 'logs', Filter: { Prefix: 'logs/' } })),
    });
    expect(byPrefix.reason?.message).toBe('Rule "logs" only applies to keys starting with "logs/"; "a.txt" does not.');
    const byTag = evaluateVersionReplication({
      sourceBucket: 'src',
      version: version(),
      configuration: cfg(rule({ ID: 't', Filter: { Tag: { Key: 'env', Value: 'prod' } } })),
    });
    expect(byTag.reason?.message).toBe('Rule "t" requires the tag env=prod, which this version does not have.');
  });
});

describe('rule helpers', () => {
  const scopes: [ReplicationRule, string][] = [
    [rule({}), 'Entire bucket'],
    [rule({ Filter: { Prefix: '' } }), 'Entire bucket'],
    [v1({ Prefix: '' }), 'Entire bucket'],
    [v1({ Prefix: 'docs/' }), 'Prefix: docs/'],
    [rule({ Filter: { Prefix: 'logs/' } }), 'Prefix: logs/'],
    [rule({ Filter: { Tag: { Key: 'env', Value: 'prod' } } }), 'Tag env=prod'],
    [rule({ Filter: { And: { Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] } } }), '2 tags'],
    [rule({ Filter: { And: { Prefix: 'logs/', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] } } }), 'Prefix: logs/ and 2 tags'],
  ];
  it.each(scopes)('describeRuleScope %# → %s', (r, text) => expect(describeRuleScope(r)).toBe(text));

  it('ruleMatchesKeyAndTags, ruleDestinationBucketName, isV2Configuration', () => {
    expect(ruleMatchesKeyAndTags(rule({ Filter: { Prefix: 'a/' } }), 'a/b', {})).toBe(true);
    expect(ruleMatchesKeyAndTags(rule({ Filter: { Prefix: 'a/' } }), 'b/a/', {})).toBe(false);
    expect(ruleMatchesKeyAndTags(rule({ Filter: { Tag: { Key: 'k', Value: '' } } }), 'x', { k: '' })).toBe(true);
    expect(ruleDestinationBucketName(rule({ Destination: { Bucket: 'arn:aws:s3:::my-dst' } }))).toBe('my-dst');
    expect(isV2Configuration(cfg(v1({})))).toBe(false);
    expect(isV2Configuration(cfg(v1({}), rule({})))).toBe(true);
  });
});
