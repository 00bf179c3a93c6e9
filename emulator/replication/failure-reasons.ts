/**
 * Replication failure reasons, in S3's vocabulary (event `failureReason`, Batch completion report), for the cases
 * this engine detects. A ReplicationFailure is final (the version becomes FAILED); any other error is temporary
 * and the task is retried.
 */
export type ReplicationFailureReason =
  | 'AssumeRoleNotPermitted'
  | 'DstBucketNotFound'
  | 'DstBucketUnversioned'
  | 'DstDelObjNotPermitted'
  | 'DstPutObjectNotPermitted'
  | 'DstPutTaggingNotPermitted'
  | 'DstVersionNotFound'
  | 'SrcBucketNotFound'
  | 'SrcBucketReplicationConfigMissing'
  | 'SrcGetObjectNotPermitted'
  | 'SrcGetTaggingNotPermitted'
  | 'SrcObjectNotEligible'
  | 'SrcVersionNotFound'
  // NOTE: S3 retries temporary problems without a documented limit; we give up after a bounded number of attempts
  // and record S3's generic server error code, with the last error in the failure detail.
  | 'InternalError';

export class ReplicationFailure extends Error {
  constructor(
    readonly reason: ReplicationFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'ReplicationFailure';
  }
}
