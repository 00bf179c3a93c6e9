import { fnv1a64Hex } from '@/lib/replication/hash';
import type { ReplicationConfiguration, ReplicationRule, ReplicationStatus } from '@/lib/replication/schema';

/**
 * Pure read-modify-write helpers: S3 has no per-rule API, so the console GETs the configuration, edits the
 * rule list with these, and PUTs the whole list back (or DELETEs when no rule is left).
 */

export type MergeErrorCode = 'RuleNotFound' | 'PriorityOrderMismatch';

export class ReplicationMergeError extends Error {
  readonly code: MergeErrorCode;
  constructor(code: MergeErrorCode, message: string) {
    super(message);
    this.name = 'ReplicationMergeError';
    this.code = code;
  }
}

function indexOfRule(config: ReplicationConfiguration, id: string): number {
  const index = config.Rules.findIndex((rule) => rule.ID === id);
  if (index < 0) throw new ReplicationMergeError('RuleNotFound', `No replication rule with ID "${id}".`);
  return index;
}

export interface UpsertRuleOptions {
  /** The configuration-level role (it applies to every rule). */
  role: string;
  /** When the edited rule was renamed: its ID before the edit. */
  replacesId?: string;
}

/** Adds the rule, or replaces the rule with the same ID (or `replaceId`) in place; every other rule is kept. */
export function upsertRule(
  config: ReplicationConfiguration | null | undefined,
  rule: ReplicationRule,
  options: UpsertRuleOptions,
): ReplicationConfiguration {
  const rules = config?.Rules ?? [];
  const targetId = options.replacesId ?? rule.ID;
  const index = targetId === undefined ? -1 : rules.findIndex((r) => r.ID === targetId);
  const Rules = index < 0 ? [...rules, rule] : rules.map((r, i) => (i === index ? rule : r));
  return { Role: options.role, Rules };
}

/**
 * The configuration without the rule. When it was the last rule the result has no rules: S3 refuses such a
 * PUT, so the caller deletes the configuration (DeleteBucketReplication) instead.
 */
export function removeRule(config: ReplicationConfiguration, id: string): ReplicationConfiguration {
  const index = indexOfRule(config, id);
  return { ...config, Rules: config.Rules.filter((_, i) => i !== index) };
}

export function setRuleStatus(config: ReplicationConfiguration, id: string, status: ReplicationStatus): ReplicationConfiguration {
  const index = indexOfRule(config, id);
  return { ...config, Rules: config.Rules.map((r, i) => (i === index ? { ...r, Status: status } : r)) };
}

/**
 * Assigns priorities from the order given, highest first: orderedIds[0] gets the largest number and the
 * last gets 0. The IDs must be exactly the configuration's rule IDs. Rule order in the list is unchanged.
 */
export function reorderPriorities(config: ReplicationConfiguration, orderedIds: readonly string[]): ReplicationConfiguration {
  const ids = config.Rules.map((r) => r.ID);
  const sameSet = orderedIds.length === ids.length && new Set(orderedIds).size === orderedIds.length && orderedIds.every((id) => ids.includes(id));
  if (!sameSet) {
    throw new ReplicationMergeError('PriorityOrderMismatch', 'The priority order must list every rule ID of the configuration exactly once.');
  }
  const top = orderedIds.length - 1;
  return {
    ...config,
    Rules: config.Rules.map((r) => ({ ...r, Priority: top - orderedIds.indexOf(r.ID ?? '') })),
  };
}

/** A priority above every existing one (0 for the first rule). */
export function nextFreePriority(config: ReplicationConfiguration | null | undefined): number {
  const priorities = (config?.Rules ?? []).flatMap((r) => (r.Priority === undefined ? [] : [r.Priority]));
  return priorities.length === 0 ? 0 : Math.max(...priorities) + 1;
}

/** JSON with object keys sorted and undefined members dropped, so equal configurations serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A stable fingerprint of a configuration (or of "no configuration") for optimistic concurrency:
 * the wizard keeps the fingerprint it read, and the save refuses when the current one differs.
 */
export function configurationFingerprint(config: ReplicationConfiguration | null | undefined): string {
  return config === undefined || config === null ? 'none' : fnv1a64Hex(canonicalJson(config));
}
