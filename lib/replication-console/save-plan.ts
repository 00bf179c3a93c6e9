import type { PolicyDocument } from '@/lib/iam/policy-document';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { BucketState } from './bucket-state';

/**
 * What Save will do, computed by `planSave` from the wizard's input and the world as it is now. The Review
 * step shows it; each Save phase recomputes it on the server before acting, so the browser is never trusted.
 */

export type ExistingBucket = Extract<BucketState, { exists: true }>;

/** A destination bucket in another account cannot be inspected from this one. */
export type PlannedDestination = ExistingBucket | { name: string; exists: 'unknown'; accountId: string };

export type VersioningChange = { bucket: string; region: string; from: 'NeverEnabled' | 'Suspended' };

export type NewRolePlan = {
  kind: 'new';
  name: string;
  path: string;
  arn: string;
  /** A role of that name exists already, trusts S3, and will be reused (a retry creates nothing twice). */
  exists: boolean;
  /** Inline permission policy name on the role. */
  policyName: string;
  trustPolicy: PolicyDocument;
  permissionPolicy: PolicyDocument;
  /** Save will (re)write the inline policy: the role is new or lacks some of it. */
  writesPolicy: boolean;
};

export type ExistingRolePlan = {
  kind: 'existing';
  name: string;
  arn: string;
  trustsS3: boolean;
  /** The statements of the required policy that the role does not yet allow. */
  missingStatements: PolicyDocument['Statement'];
  missingPermissions: { action: string; resource: string }[];
  /** Save adds `missingStatements` as an inline policy named `policyName` (the person ticked the box). */
  addMissingPermissions: boolean;
  policyName: string;
};

export type RolePlan = NewRolePlan | ExistingRolePlan;

export type SavePlan = {
  source: ExistingBucket;
  destination: PlannedDestination;
  /** true: CRR, false: SRR, null: unknown (destination in another account). */
  crossRegion: boolean | null;
  versioningToEnable: VersioningChange[];
  role: RolePlan;
  /** Role is configuration-level: set when the configuration's current role differs from the chosen one. */
  roleChange: { from: string; to: string } | null;
  /** Fingerprint of the configuration as read now (null: none). */
  currentFingerprint: string | null;
  currentConfiguration: ReplicationConfiguration | null;
  nextConfiguration: ReplicationConfiguration;
  /** Bucket policy the destination account must apply (cross-account destinations only). */
  destinationBucketPolicy: PolicyDocument | null;
  warnings: string[];
};

export type SaveRefusal = {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
};

export type PlanResult = { ok: true; plan: SavePlan } | { ok: false; refusal: SaveRefusal };

export const CONFIGURATION_CHANGED_CODE = 'ConfigurationChanged';
export const CONFIGURATION_CHANGED_MESSAGE =
  "This bucket's replication configuration changed after you opened the wizard. Nothing was changed: reload it and review your rule again.";
