import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPLICATION_STATUSES, STORAGE_CLASSES } from '@/lib/replication/constants';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import { parseReplicationXml, replicationConfigToXml } from '@/lib/replication/xml';

// Any text XML 1.0 can carry: tabs, newlines, carriage returns, markup characters, non-ASCII, surrogate pairs.
const xmlText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\t', '\n', '\r', ' ', '&', '<', '>', '"', "'", ']', '$', '%', 'é', '😀'),
    fc.string({ minLength: 1, maxLength: 1 }).filter((c) => c >= ' '),
  ),
  maxLength: 20,
});
const status = fc.constantFrom(...REPLICATION_STATUSES);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const tag = fc.record({ Key: xmlText, Value: xmlText });
const minutes = fc.record({ Minutes: optional(fc.integer({ min: -5, max: 100 })) }, { requiredKeys: [] });

const filter = fc.oneof(
  fc.constant({}),
  fc.record({ Prefix: xmlText }),
  fc.record({ Tag: tag }),
  fc.record({ And: fc.record({ Prefix: optional(xmlText), Tags: optional(fc.array(tag, { minLength: 1, maxLength: 3 })) }) }),
);

const rule: fc.Arbitrary<ReplicationRule> = fc.record(
  {
    ID: optional(xmlText),
    Priority: optional(fc.integer({ min: -2147483648, max: 2147483647 })),
    Prefix: optional(xmlText),
    Filter: optional(filter),
    Status: status,
    SourceSelectionCriteria: optional(
      fc.record({ SseKmsEncryptedObjects: optional(fc.record({ Status: status })), ReplicaModifications: optional(fc.record({ Status: status })) }),
    ),
    Destination: fc.record({
      Bucket: xmlText,
      Account: optional(xmlText),
      StorageClass: optional(fc.constantFrom(...STORAGE_CLASSES)),
      AccessControlTranslation: optional(fc.constant({ Owner: 'Destination' as const })),
      EncryptionConfiguration: optional(fc.record({ ReplicaKmsKeyID: optional(xmlText) })),
      ReplicationTime: optional(fc.record({ Status: optional(status), Time: optional(minutes) })),
      Metrics: optional(fc.record({ Status: optional(status), EventThreshold: optional(minutes) })),
    }),
    DeleteMarkerReplication: optional(fc.record({ Status: optional(status) })),
  },
  { requiredKeys: ['Status', 'Destination'] },
);

const configuration: fc.Arbitrary<ReplicationConfiguration> = fc.record({ Role: xmlText, Rules: fc.array(rule, { minLength: 1, maxLength: 4 }) });

/** Drops undefined members, the way a parsed document has none. */
const withoutUndefined = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('XML round trip (property)', () => {
  it('parse(serialise(config)) is config, for every configuration the schema allows', () => {
    fc.assert(
      fc.property(configuration, (config) => {
        const parsed = parseReplicationXml(replicationConfigToXml(config));
        if (!parsed.ok) throw new Error(parsed.error.detail);
        expect(withoutUndefined(parsed.config)).toEqual(withoutUndefined(config));
      }),
      { numRuns: 300 },
    );
  });
});
