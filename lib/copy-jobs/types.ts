/** What to copy: the current objects a rule matches that its destination lacks, or its FAILED versions again. */
export type CopyJobKind = 'existing' | 'retry-failed';

/** `replicate`: the embedded endpoint's Batch Replication (same version id, REPLICA); `copy-object`: CopyObject. */
export type CopyMethod = 'replicate' | 'copy-object';

export interface CopyJobRequest {
  source: string;
  ruleId: string;
  kind: CopyJobKind;
}

export interface CopyItem {
  key: string;
  versionId?: string;
  size: number;
}

export type CopyOutcome =
  | { status: 'copied' }
  | { status: 'skipped'; code: string; message: string }
  | { status: 'failed'; code: string; message: string };

export type CopyJobState = 'finding' | 'copying' | 'completed' | 'cancelled' | 'failed';

export interface CopyJobView {
  id: string;
  request: CopyJobRequest;
  method: CopyMethod;
  sourceBucket: string;
  destinationBucket: string;
  state: CopyJobState;
  error?: { code: string; message: string };
  startedAt: number;
  finishedAt?: number;
  total: { objects: number; bytes: number };
  done: { objects: number; bytes: number };
  copied: number;
  skipped: number;
  failed: number;
  /** Bytes and objects per second since copying started. */
  rate: { bytesPerSecond: number; objectsPerSecond: number };
  /** Estimated seconds left, when a rate is known. */
  etaSeconds?: number;
  /** Reason code → objects skipped for it. */
  skippedReasons: Record<string, { count: number; message: string }>;
  /** The first failures (at most 100), with their reasons. */
  failures: { key: string; versionId?: string; code: string; message: string }[];
  failuresTruncated: boolean;
}

/** Copies one item; resolves to its outcome (rejections count as failures). */
export type Copier = (item: CopyItem, signal: AbortSignal) => Promise<CopyOutcome>;
