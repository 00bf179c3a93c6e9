import 'server-only';
import { s3Client, s3ControlClient, stsClient } from '@/lib/aws/clients';
import { describeJobError, consoleAdminJson } from '@/lib/compare/server';
import { regionOfBucket } from '@/lib/compare/s3/resolve';
import { createBatchReplicationJob, type BatchReplicationInput } from './batch-replication';
import type { CopyJob } from './copy-job';
import { CopyJobRegistry } from './registry';
import { startCopyJob } from './start';
import type { CopyJobRequest } from './types';

// One registry per server process, also when Next bundles this module into several route chunks.
const REGISTRY_KEY = Symbol.for('s3-replication-console.copy-jobs');
export function copyJobRegistry(): CopyJobRegistry {
  const holder = globalThis as { [REGISTRY_KEY]?: CopyJobRegistry };
  holder[REGISTRY_KEY] ??= new CopyJobRegistry();
  return holder[REGISTRY_KEY];
}

export function startConsoleCopyJob(request: CopyJobRequest): Promise<CopyJob> {
  return startCopyJob(copyJobRegistry(), { s3: (region) => s3Client(region), admin: consoleAdminJson(), describeError: describeJobError }, request);
}

/** S3 Batch Replication on AWS, created in the source bucket's region. */
export async function startConsoleBatchReplication(input: BatchReplicationInput, token: string) {
  const region = await regionOfBucket((r) => s3Client(r), input.sourceBucket);
  return createBatchReplicationJob({ s3Control: s3ControlClient(region), sts: stsClient(region) }, input, token);
}
