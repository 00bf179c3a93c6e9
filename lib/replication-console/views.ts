import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { BucketVersioning } from './bucket-state';

/** JSON answers of the replication route handlers, shared by the server and the browser. */

export type DestinationView = {
  name: string;
  /** null when the bucket is not visible from this account (another account's, or deleted). */
  region: string | null;
  versioning: BucketVersioning | null;
};

export type BucketReplicationView = {
  bucket: string;
  region: string;
  versioning: BucketVersioning;
  configuration: ReplicationConfiguration | null;
  /** configurationFingerprint of `configuration`; the wizard and the rule actions send it back. */
  fingerprint: string | null;
  destinations: DestinationView[];
};

export type RuleOverviewRow = {
  sourceBucket: string;
  sourceRegion: string;
  ruleId: string;
  status: 'Enabled' | 'Disabled';
  priority: number | null;
  destinationBucket: string;
  destinationRegion: string | null;
  scope: string;
  role: string;
};

export type RulesOverview = {
  rows: RuleOverviewRow[];
  /** Buckets whose configuration could not be read, with the reason. */
  unreadable: { bucket: string; message: string }[];
};

export type RoleSummary = { name: string; arn: string; path: string; trustsS3: boolean };
export type RoleList = { roles: RoleSummary[] };

export type ScopePreview = {
  /** Current objects (latest versions) matching the scope among those examined. */
  matched: number;
  examined: number;
  /** true when only the first `examined` keys were looked at. */
  sampled: boolean;
  /** Tags are read per object, so tag filters are checked on at most this many keys. */
  tagCheckLimit: number | null;
};
