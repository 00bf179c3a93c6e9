import { parseReplicationXml } from '@/lib/replication/xml';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';
import type { Bucket } from '../store/types';

const MAX_CACHED = 256;
const parsed = new Map<string, ReplicationConfiguration>();

/**
 * The bucket's stored replication configuration, parsed (cached by its XML text: the version hook runs on every
 * write). Undefined when the bucket has none. The stored XML was produced by replicationConfigToXml, so it parses.
 */
export function storedConfiguration(bucket: Pick<Bucket, 'replicationConfig'>): ReplicationConfiguration | undefined {
  const xml = bucket.replicationConfig;
  if (xml === null) return undefined;
  const cached = parsed.get(xml);
  if (cached) return cached;
  const result = parseReplicationXml(xml);
  if (!result.ok) return undefined;
  if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(xml, result.config);
  return result.config;
}

/** Canonical text of a rule's whole content: a changed rule (same ID) restarts its "existed before" clock. */
export function ruleContentFingerprint(rule: ReplicationRule): string {
  return JSON.stringify(rule, Object.keys(flattenKeys(rule)).sort());
}

function flattenKeys(value: unknown, into: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === 'object') {
    for (const [name, member] of Object.entries(value)) {
      into[name] = true;
      flattenKeys(member, into);
    }
  }
  return into;
}
