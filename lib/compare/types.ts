import type { NotReplicatedReasonCode } from '@/lib/replication/evaluate';
import type { ReplicationConfiguration, Tag } from '@/lib/replication/schema';

/** One entry of a listing page: a current object (ListObjectsV2) or one version / delete marker (ListObjectVersions). */
export interface ListedEntry {
  key: string;
  size: number;
  etag?: string;
  /** ISO 8601. */
  lastModified?: string;
  storageClass?: string;
  /** Versions mode only. */
  versionId?: string;
  isLatest?: boolean;
  isDeleteMarker?: boolean;
}

/** A bucket listing, page by page, in S3's key order (versions of one key newest first). */
export type ListingPages = AsyncIterable<readonly ListedEntry[]>;

export type CompareMode = 'current' | 'versions';

/** What only a HeadObject (and, for tag rules, GetObjectTagging) of a source version tells. */
export interface SourceVersionDetails {
  /** The version HeadObject found (current mode lists no version ids). */
  versionId?: string;
  /** x-amz-replication-status: PENDING | COMPLETED | FAILED | REPLICA; undefined when absent. */
  replicationStatus?: string;
  /** Why replication FAILED, where the backend says (embedded endpoint's admin API). */
  failureReason?: string;
  sseAlgorithm?: string;
  kmsKeyId?: string;
  storageClass?: string;
  tags?: readonly Tag[];
}

export interface SourceVersionRef {
  key: string;
  versionId?: string;
  isDeleteMarker: boolean;
}

/** Looks a source version up; `withTags` is true only when some rule for the destination filters on tags. */
export type SourceVersionLookup = (ref: SourceVersionRef, options: { withTags: boolean }) => Promise<SourceVersionDetails>;

export interface CompareInput {
  mode: CompareMode;
  sourceBucket: string;
  destinationBucket: string;
  source: ListingPages;
  destination: ListingPages;
  /** The source bucket's replication configuration (undefined: none). */
  configuration?: ReplicationConfiguration;
  lookup: SourceVersionLookup;
  /** Parallel lookups (HeadObject) at most; default 16. */
  lookupConcurrency?: number;
}

export const COMPARE_CLASSES = ['replicated', 'pending', 'failed', 'not-replicated', 'only-in-destination', 'differs'] as const;
export type CompareClass = (typeof COMPARE_CLASSES)[number];

/** Reasons of the compare itself, beyond lib/replication/evaluate's. */
export type CompareReasonCode =
  | NotReplicatedReasonCode
  | 'NO_RULE_FOR_DESTINATION'
  | 'MISSING_AT_DESTINATION'
  | 'CONTENT_DIFFERS'
  | 'REPLICATION_FAILED'
  | (string & {});

export interface CompareReason {
  code: CompareReasonCode;
  message: string;
}

export interface CompareSide {
  versionId?: string;
  etag?: string;
  size: number;
  lastModified?: string;
  isDeleteMarker?: boolean;
  isLatest?: boolean;
}

export interface CompareRow {
  key: string;
  class: CompareClass;
  source?: CompareSide;
  destination?: CompareSide;
  /** Source replication status when it was looked up. */
  replicationStatus?: string;
  reason?: CompareReason;
  /** The rule the reason is about, when one is. */
  ruleId?: string;
}

export interface CompareSummary {
  counts: Record<CompareClass, number>;
  bytes: Record<CompareClass, number>;
  /** Reason code → rows (not-replicated, failed, differs). */
  reasons: Record<string, number>;
  sourceEntries: number;
  destinationEntries: number;
  lookups: number;
  rows: number;
}
