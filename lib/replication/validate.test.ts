import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import {
  REPLICATION_MESSAGES as M,
  generateRuleIds,
  validateReplicationConfiguration,
  type BucketFacts,
  type ReplicationIssue,
} from '@/lib/replication/validate';
import { MALFORMED_XML_MESSAGE } from '@/lib/replication/xml';

const ROLE = 'arn:aws:iam::111122223333:role/r';
const v2Rule = (over: Partial<ReplicationRule> = {}): ReplicationRule => ({
  ID: 'r1',
  Priority: 1,
  Filter: {},
  Status: 'Enabled',
  Destination: { Bucket: 'arn:aws:s3:::dst' },
  DeleteMarkerReplication: { Status: 'Disabled' },
  ...over,
});
const v1Rule = (over: Partial<ReplicationRule> = {}): ReplicationRule => ({
  Status: 'Enabled',
  Destination: { Bucket: 'arn:aws:s3:::dst' },
  ...over,
});
const config = (...Rules: ReplicationRule[]): ReplicationConfiguration => ({ Role: ROLE, Rules });
const configOnly = { sourceBucket: 'src' };

describe('validateReplicationConfiguration: configuration-only checks', () => {
  const cases: { name: string; config: ReplicationConfiguration; issues: ReplicationIssue[] }[] = [
    { name: 'valid V2 rule', config: config(v2Rule()), issues: [] },
    { name: 'valid V1 rule', config: config(v1Rule({ Prefix: 'logs/' })), issues: [] },
    { name: 'no rules', config: config(), issues: [{ path: 'Rules', code: 'MalformedXML', message: MALFORMED_XML_MESSAGE }] },
    {
      name: 'V2 without DeleteMarkerReplication and Priority',
      config: config(v2Rule({ DeleteMarkerReplication: undefined, Priority: undefined })),
      issues: [
        { path: 'Rules[0].DeleteMarkerReplication', code: 'InvalidRequest', message: M.deleteMarkerRequired },
        { path: 'Rules[0].Priority', code: 'InvalidRequest', message: M.priorityRequired },
      ],
    },
    {
      name: 'delete marker replication with a tag filter',
      config: config(
        v2Rule({ Filter: { And: { Prefix: 'a', Tags: [{ Key: 'k', Value: 'v' }] } }, DeleteMarkerReplication: { Status: 'Enabled' } }),
      ),
      issues: [{ path: 'Rules[0].DeleteMarkerReplication.Status', code: 'InvalidRequest', message: M.deleteMarkerWithTags }],
    },
    {
      name: 'delete marker replication with a prefix filter is fine',
      config: config(v2Rule({ Filter: { Prefix: 'a' }, DeleteMarkerReplication: { Status: 'Enabled' } })),
      issues: [],
    },
    {
      name: 'duplicate IDs and priorities',
      config: config(v2Rule(), v2Rule({ Destination: { Bucket: 'arn:aws:s3:::other' } })),
      issues: [
        { path: 'Rules[1].ID', code: 'InvalidArgument', message: M.ruleIdUnique },
        { path: 'Rules[1].Priority', code: 'InvalidRequest', message: 'Found duplicate priority 1.' },
      ],
    },
    {
      name: 'ID too long and non-ASCII',
      config: config(v2Rule({ ID: `é${'x'.repeat(255)}` })),
      issues: [
        { path: 'Rules[0].ID', code: 'InvalidArgument', message: M.ruleIdTooLong },
        { path: 'Rules[0].ID', code: 'InvalidArgument', message: M.ruleIdNonAscii },
      ],
    },
    { name: 'ID of exactly 255 ASCII characters', config: config(v2Rule({ ID: 'x'.repeat(255) })), issues: [] },
    {
      name: 'AccessControlTranslation without Account',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::dst', AccessControlTranslation: { Owner: 'Destination' } } })),
      issues: [{ path: 'Rules[0].Destination.Account', code: 'InvalidRequest', message: M.ownerNeedsAccount }],
    },
    {
      name: 'empty Account',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::dst', Account: '' } })),
      issues: [{ path: 'Rules[0].Destination.Account', code: 'InvalidArgument', message: M.accountEmpty }],
    },
    {
      name: 'ReplicationTime without Metrics, wrong minutes',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::dst', ReplicationTime: { Status: 'Enabled', Time: { Minutes: 10 } } } })),
      issues: [
        { path: 'Rules[0].Destination.ReplicationTime.Time.Minutes', code: 'InvalidArgument', message: M.rtcMinutes },
        { path: 'Rules[0].Destination.Metrics', code: 'InvalidRequest', message: M.rtcNeedsMetrics },
      ],
    },
    {
      name: 'ReplicationTime without Status/Time; Metrics without Status/EventThreshold',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::dst', ReplicationTime: { Status: undefined, Time: undefined }, Metrics: { Status: undefined } } })),
      issues: [
        { path: 'Rules[0].Destination.ReplicationTime.Status', code: 'InvalidArgument', message: M.rtcStatusMissing },
        { path: 'Rules[0].Destination.ReplicationTime.Time.Minutes', code: 'InvalidArgument', message: M.rtcMinutes },
        { path: 'Rules[0].Destination.Metrics.Status', code: 'InvalidArgument', message: M.metricsStatusMissing },
        { path: 'Rules[0].Destination.Metrics.EventThreshold', code: 'InvalidArgument', message: M.metricsThresholdMissing },
      ],
    },
    {
      name: 'RTC and Metrics statuses differ, threshold minutes wrong',
      config: config(
        v2Rule({
          Destination: {
            Bucket: 'arn:aws:s3:::dst',
            ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
            Metrics: { Status: 'Disabled', EventThreshold: { Minutes: 30 } },
          },
        }),
      ),
      issues: [
        { path: 'Rules[0].Destination.Metrics.EventThreshold.Minutes', code: 'InvalidArgument', message: M.metricsMinutes },
        { path: 'Rules[0].Destination.Metrics.Status', code: 'InvalidRequest', message: M.rtcMetricsStatus },
      ],
    },
    {
      name: 'Metrics alone (User Guide example) is accepted',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::dst', Metrics: { Status: 'Enabled' } } })),
      issues: [],
    },
    {
      name: 'SseKmsEncryptedObjects without ReplicaKmsKeyID',
      config: config(v2Rule({ SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } } })),
      issues: [{ path: 'Rules[0].Destination.EncryptionConfiguration.ReplicaKmsKeyID', code: 'InvalidRequest', message: M.kmsKeyRequired }],
    },
    {
      name: 'V1 with two destinations',
      config: config(v1Rule({ ID: 'a', Prefix: 'a' }), v1Rule({ ID: 'b', Prefix: 'b', Destination: { Bucket: 'arn:aws:s3:::other' } })),
      issues: [{ path: 'Rules[1].Destination.Bucket', code: 'InvalidRequest', message: M.v1SingleDestination }],
    },
    {
      name: 'V2 with two destinations is fine',
      config: config(v2Rule(), v2Rule({ ID: 'r2', Priority: 2, Destination: { Bucket: 'arn:aws:s3:::other' } })),
      issues: [],
    },
    {
      name: 'ReplicaModifications in V1',
      config: config(v1Rule({ SourceSelectionCriteria: { ReplicaModifications: { Status: 'Enabled' } } })),
      issues: [{ path: 'Rules[0].SourceSelectionCriteria.ReplicaModifications', code: 'InvalidRequest', message: M.replicaModificationsV1 }],
    },
    {
      name: 'duplicate tag keys, long key and value',
      config: config(
        v2Rule({
          Filter: {
            And: {
              Tags: [
                { Key: 'k', Value: '1' },
                { Key: 'k', Value: '2' },
                { Key: 'x'.repeat(129), Value: 'v'.repeat(257) },
              ],
            },
          },
        }),
      ),
      issues: [
        { path: 'Rules[0].Filter.And.Tags[1].Key', code: 'InvalidRequest', message: M.duplicateTagKeys },
        { path: 'Rules[0].Filter.And.Tags[2].Key', code: 'InvalidArgument', message: M.tagKeyTooLong },
        { path: 'Rules[0].Filter.And.Tags[2].Value', code: 'InvalidArgument', message: M.tagValueTooLong },
      ],
    },
    {
      name: 'prefix longer than 1024',
      config: config(v2Rule({ Filter: { Prefix: 'p'.repeat(1025) } })),
      issues: [{ path: 'Rules[0].Filter.Prefix', code: 'InvalidArgument', message: M.prefixTooLong }],
    },
    {
      name: 'destination equals source',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::src' } })),
      issues: [{ path: 'Rules[0].Destination.Bucket', code: 'InvalidRequest', message: M.sameBucket }],
    },
    {
      name: 'destination not a bucket ARN',
      config: config(v2Rule({ Destination: { Bucket: 'dst' } }), v2Rule({ ID: 'r2', Priority: 2, Destination: { Bucket: 'arn:aws:s3:::Bad_Name' } })),
      issues: [
        { path: 'Rules[0].Destination.Bucket', code: 'InvalidArgument', message: M.invalidDestinationArn },
        { path: 'Rules[1].Destination.Bucket', code: 'InvalidArgument', message: M.invalidDestinationArn },
      ],
    },
    {
      name: 'ExistingObjectReplication, rule Prefix together with Filter, two filter children',
      config: config(
        v2Rule({ ExistingObjectReplication: { Status: 'Enabled' }, Prefix: 'a', Filter: { Prefix: 'a', Tag: { Key: 'k', Value: 'v' } } }),
      ),
      issues: [
        { path: 'Rules[0].ExistingObjectReplication', code: 'MalformedXML', message: MALFORMED_XML_MESSAGE },
        { path: 'Rules[0].Prefix', code: 'MalformedXML', message: MALFORMED_XML_MESSAGE },
        { path: 'Rules[0].Filter', code: 'MalformedXML', message: MALFORMED_XML_MESSAGE },
      ],
    },
    {
      name: 'a rule without Filter in a V2 configuration',
      config: config(v2Rule(), v1Rule({ ID: 'old' })),
      issues: [{ path: 'Rules[1].Filter', code: 'InvalidRequest', message: M.mixedSchema }],
    },
    {
      name: 'FSX_OPENZFS destination class',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::dst', StorageClass: 'FSX_OPENZFS' } })),
      issues: [{ path: 'Rules[0].Destination.StorageClass', code: 'InvalidStorageClass', message: M.invalidStorageClass }],
    },
  ];
  it.each(cases)('$name', ({ config: c, issues }) => {
    expect(validateReplicationConfiguration(c, configOnly)).toEqual(issues);
  });

  it('more than 1000 rules is rejected', () => {
    const rules = Array.from({ length: 1001 }, (_, i) => v2Rule({ ID: `r${i}`, Priority: i }));
    expect(validateReplicationConfiguration(config(...rules), configOnly)).toEqual([
      { path: 'Rules', code: 'MalformedXML', message: MALFORMED_XML_MESSAGE },
    ]);
  });
});

describe('validateReplicationConfiguration: checks that need the world', () => {
  const buckets: Record<string, BucketFacts> = {
    src: { exists: true, versioning: 'Enabled', ownerAccountId: '111122223333' },
    unversioned: { exists: true, versioning: undefined },
    dst: { exists: true, versioning: 'Enabled', ownerAccountId: '111122223333' },
    suspended: { exists: true, versioning: 'Suspended' },
    foreign: { exists: true, versioning: 'Enabled', ownerAccountId: '444455556666' },
  };
  const bucketInfo = (name: string) => buckets[name];
  const cases: { name: string; source: string; config: ReplicationConfiguration; issues: ReplicationIssue[] }[] = [
    { name: 'everything enabled', source: 'src', config: config(v2Rule()), issues: [] },
    {
      name: 'source not versioned (checked first)',
      source: 'unversioned',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::suspended' } })),
      issues: [
        { path: 'sourceBucket', code: 'InvalidRequest', message: M.sourceVersioning },
        { path: 'Rules[0].Destination.Bucket', code: 'InvalidRequest', message: M.destinationVersioning },
      ],
    },
    {
      name: 'missing destination answers with the versioning text',
      source: 'src',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::does-not-exist' } })),
      issues: [{ path: 'Rules[0].Destination.Bucket', code: 'InvalidRequest', message: M.destinationVersioning }],
    },
    {
      name: 'Account must match the destination owner',
      source: 'src',
      config: config(
        v2Rule({ Destination: { Bucket: 'arn:aws:s3:::foreign', Account: '999999999999', AccessControlTranslation: { Owner: 'Destination' } } }),
      ),
      issues: [{ path: 'Rules[0].Destination.Account', code: 'InvalidArgument', message: M.accountOwnerMismatch }],
    },
    {
      name: 'matching Account is accepted',
      source: 'src',
      config: config(v2Rule({ Destination: { Bucket: 'arn:aws:s3:::foreign', Account: '444455556666' } })),
      issues: [],
    },
  ];
  it.each(cases)('$name', ({ source, config: c, issues }) => {
    expect(validateReplicationConfiguration(c, { sourceBucket: source, bucketInfo })).toEqual(issues);
  });
});

describe('generateRuleIds', () => {
  it('fills only missing IDs, never reusing an existing one', () => {
    const ids = ['keep', 'keep', 'gen-1', 'gen-2'];
    const result = generateRuleIds(config(v1Rule({ ID: 'keep' }), v1Rule(), v1Rule()), () => ids.shift() ?? 'x');
    expect(result.Rules.map((r) => r.ID)).toEqual(['keep', 'gen-1', 'gen-2']);
  });
});
