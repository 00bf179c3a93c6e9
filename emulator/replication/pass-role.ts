import { authorizePassRole } from '../auth/authorize';
import type { S3Context } from '../http/types';

/**
 * PutBucketReplication also needs iam:PassRole on the configuration's Role (S3 answers AccessDenied otherwise);
 * the root user may pass any role.
 */
export function authorizeReplicationRole(ctx: S3Context, roleArn: string): void {
  if (ctx.auth.principal.type === 'root') return;
  authorizePassRole(ctx.auth.principal, roleArn, ctx.store);
}
