import { randomUUID } from 'node:crypto';
import type { AdminJson } from '@/lib/compare/s3/admin-api';
import { embeddedStatusSource } from '@/lib/compare/s3/embedded-status';
import { ConsoleRequestError } from '@/lib/compare/s3/request-error';
import { resolveCompare, type S3ClientFor } from '@/lib/compare/s3/resolve';
import { runComparison } from '@/lib/compare/s3/run';
import { copyObjectCopier } from './copy-object-copier';
import { CopyJob } from './copy-job';
import type { CopyJobRegistry } from './registry';
import { replicateCopier } from './replicate-copier';
import type { CopyJobRequest } from './types';

export interface CopyJobDeps {
  s3: S3ClientFor;
  /** The embedded endpoint's admin API: copies become Batch Replication (same version id, REPLICA). */
  admin?: AdminJson;
  describeError: (error: unknown) => { code: string; message: string };
  concurrency?: number;
}

/**
 * Starts a copy job for a rule and returns it at once; it runs on in this process. Refuses a second job for the
 * same rule while one is active (two would copy the same objects).
 */
export async function startCopyJob(registry: CopyJobRegistry, deps: CopyJobDeps, request: CopyJobRequest): Promise<CopyJob> {
  const active = registry.ofRule(request.source, request.ruleId).find((job) => job.isActive);
  if (active) throw new ConsoleRequestError('CopyJobRunning', 'A copy job for this rule is already running.', 409);
  const resolved = await resolveCompare(deps.s3, { source: request.source, ruleId: request.ruleId, mode: 'current' });
  const { sourceBucket, destinationBucket } = resolved;
  if (request.kind === 'retry-failed' && !deps.admin) {
    throw new ConsoleRequestError('NotSupported', 'Retrying FAILED versions needs the embedded endpoint (on AWS, use S3 Batch Replication with the FAILED filter).');
  }
  const copier = deps.admin
    ? replicateCopier(deps.admin, sourceBucket, destinationBucket)
    : copyObjectCopier(deps.s3(resolved.sourceRegion), deps.s3(resolved.destinationRegion), sourceBucket, destinationBucket);
  const job = new CopyJob(
    randomUUID(),
    request,
    deps.admin ? 'replicate' : 'copy-object',
    { sourceBucket, destinationBucket },
    copier,
    // Replicate requests mostly wait on the endpoint's queue; CopyObject moves the bytes itself.
    deps.concurrency ?? (deps.admin ? 32 : 8),
  );
  registry.add(job);
  const statusSource = deps.admin && embeddedStatusSource(deps.admin, destinationBucket);
  const comparison = runComparison({ s3: deps.s3, statusSource }, resolved, job.signal);
  void job.run(comparison.rows, deps.describeError);
  return job;
}
