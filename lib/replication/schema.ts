import { z } from 'zod';
import { REPLICATION_STATUSES, STORAGE_CLASSES } from '@/lib/replication/constants';

/**
 * Zod schema of a ReplicationConfiguration in the AWS SDK's JSON shape (the shape of
 * `GetBucketReplicationOutput.ReplicationConfiguration` / `PutBucketReplicationRequest.ReplicationConfiguration`).
 * Only shapes are checked here; cross-field rules (V1 vs V2, priorities, RTC, ...) live in validate.ts.
 *
 * Objects are strict: an unknown member is an error, as S3 rejects unknown XML elements.
 */

export type { ReplicationStatus, StorageClass } from '@/lib/replication/constants';

export const replicationStatusSchema = z.enum(REPLICATION_STATUSES);
export const storageClassSchema = z.enum(STORAGE_CLASSES);

export const tagSchema = z.strictObject({ Key: z.string(), Value: z.string() });
export type Tag = z.infer<typeof tagSchema>;

export const andOperatorSchema = z.strictObject({
  Prefix: z.string().optional(),
  Tags: z.array(tagSchema).optional(),
});
export type ReplicationRuleAndOperator = z.infer<typeof andOperatorSchema>;

export const ruleFilterSchema = z.strictObject({
  Prefix: z.string().optional(),
  Tag: tagSchema.optional(),
  And: andOperatorSchema.optional(),
});
export type ReplicationRuleFilter = z.infer<typeof ruleFilterSchema>;

const statusHolder = z.strictObject({ Status: replicationStatusSchema });

/** Minutes is optional in the model; validate.ts reports a missing or wrong value with S3's message. */
export const replicationTimeValueSchema = z.strictObject({ Minutes: z.int().optional() });
export type ReplicationTimeValue = z.infer<typeof replicationTimeValueSchema>;

/** Status/Time are required by the model, but S3 answers InvalidArgument (not MalformedXML) when missing: see validate.ts. */
// The SDK types these members as required keys whose value may be undefined (`Status: ... | undefined`);
// the transforms produce exactly that, so the inferred types are assignable to the SDK's.
export const replicationTimeSchema = z
  .strictObject({ Status: replicationStatusSchema.optional(), Time: replicationTimeValueSchema.optional() })
  .transform(({ Status, Time }) => ({ Status, Time }));
export type ReplicationTime = z.infer<typeof replicationTimeSchema>;

export const metricsSchema = z
  .strictObject({ Status: replicationStatusSchema.optional(), EventThreshold: replicationTimeValueSchema.optional() })
  .transform(({ Status, EventThreshold }) => (EventThreshold === undefined ? { Status } : { Status, EventThreshold }));
export type Metrics = z.infer<typeof metricsSchema>;

export const destinationSchema = z.strictObject({
  Bucket: z.string(),
  Account: z.string().optional(),
  StorageClass: storageClassSchema.optional(),
  AccessControlTranslation: z.strictObject({ Owner: z.literal('Destination') }).optional(),
  EncryptionConfiguration: z.strictObject({ ReplicaKmsKeyID: z.string().optional() }).optional(),
  ReplicationTime: replicationTimeSchema.optional(),
  Metrics: metricsSchema.optional(),
});
export type Destination = z.infer<typeof destinationSchema>;

export const sourceSelectionCriteriaSchema = z.strictObject({
  SseKmsEncryptedObjects: statusHolder.optional(),
  ReplicaModifications: statusHolder.optional(),
});
export type SourceSelectionCriteria = z.infer<typeof sourceSelectionCriteriaSchema>;

export const deleteMarkerReplicationSchema = z.strictObject({ Status: replicationStatusSchema.optional() });
export type DeleteMarkerReplication = z.infer<typeof deleteMarkerReplicationSchema>;

export const replicationRuleSchema = z.strictObject({
  ID: z.string().optional(),
  Priority: z.int().optional(),
  /** Deprecated V1 rule-level prefix. */
  Prefix: z.string().optional(),
  Filter: ruleFilterSchema.optional(),
  Status: replicationStatusSchema,
  SourceSelectionCriteria: sourceSelectionCriteriaSchema.optional(),
  /** In the model but "no longer supported": S3 rejects it (MalformedXML); kept so SDK shapes parse. */
  ExistingObjectReplication: statusHolder.optional(),
  Destination: destinationSchema,
  DeleteMarkerReplication: deleteMarkerReplicationSchema.optional(),
});
export type ReplicationRule = z.infer<typeof replicationRuleSchema>;

export const replicationConfigurationSchema = z.strictObject({
  Role: z.string(),
  Rules: z.array(replicationRuleSchema),
});
export type ReplicationConfiguration = z.infer<typeof replicationConfigurationSchema>;
