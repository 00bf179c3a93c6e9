/**
 * Replication enums and limits from S3's API model, without zod: the browser imports these, and schema.ts builds its
 * zod schemas from them (keeping zod out of client bundles that only need the values).
 */

export const REPLICATION_STATUSES = ['Enabled', 'Disabled'] as const;
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number];

/** Every value of the API model's StorageClass enum. */
export const STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'OUTPOSTS',
  'GLACIER_IR',
  'SNOW',
  'EXPRESS_ONEZONE',
  'FSX_OPENZFS',
  'FSX_ONTAP',
] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** The model documents FSX_OPENZFS as not accepted as a replication destination class. */
export const REPLICATION_STORAGE_CLASSES: readonly StorageClass[] = STORAGE_CLASSES.filter((c) => c !== 'FSX_OPENZFS');

/** Source-side classes whose objects S3 does not replicate (Glacier Flexible Retrieval, Deep Archive). */
export const NON_REPLICATED_SOURCE_STORAGE_CLASSES: readonly string[] = ['GLACIER', 'DEEP_ARCHIVE'];

/** S3's rule limits (API model). */
export const REPLICATION_LIMITS = {
  maxRules: 1000,
  maxRuleIdLength: 255,
  maxPrefixLength: 1024,
  maxTagKeyLength: 128,
  maxTagValueLength: 256,
  replicationTimeMinutes: 15,
} as const;
