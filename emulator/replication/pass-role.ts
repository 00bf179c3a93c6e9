import type { S3Context } from '../http/types';

/**
 * PutBucketReplication also needs iam:PassRole on the configuration's Role for callers other than the root user.
 * NOTE: the embedded IAM authorizer (emulator/auth/authorize.ts authorizePassRole) is not available yet; until it
 * is, every authenticated caller may pass any role.
 */
export function authorizeReplicationRole(ctx: S3Context, roleArn: string): void {
  if (ctx.auth.principal.type === 'root') return;
  void roleArn;
}
