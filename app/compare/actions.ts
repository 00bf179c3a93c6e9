'use server';

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { adminReplicate } from '@/lib/compare/s3/admin-api';
import { ConsoleRequestError } from '@/lib/compare/s3/request-error';
import { consoleAdminJson } from '@/lib/compare/server';
import { batchReplicationInput } from '@/lib/copy-jobs/batch-replication';
import { copyJobRegistry, startConsoleBatchReplication, startConsoleCopyJob } from '@/lib/copy-jobs/server';

const bucketName = z.string().trim().min(3).max(63);

export const startCopyJobAction = action(
  z.object({ source: bucketName, ruleId: z.string().min(1).max(255), kind: z.enum(['existing', 'retry-failed']) }),
  async (input) => {
    const job = await startConsoleCopyJob(input);
    return { jobId: job.id };
  },
);

export const cancelCopyJobAction = action(z.object({ jobId: z.string().uuid() }), async ({ jobId }) => {
  const job = copyJobRegistry().get(jobId);
  if (!job) throw new ConsoleRequestError('NoSuchCopyJob', 'No such copy job.', 404);
  job.cancel();
  return { jobId };
});

/** Re-queues one FAILED version on the embedded endpoint (as Batch Replication with the FAILED filter does). */
export const retryFailedVersionAction = action(
  z.object({ bucket: bucketName, key: z.string().min(1).max(1024), versionId: z.string().min(1).max(1024).optional() }),
  async (item) => {
    const admin = consoleAdminJson();
    if (!admin) throw new ConsoleRequestError('NotSupported', 'Retry needs the embedded endpoint; on AWS use S3 Batch Replication.');
    const [result] = await adminReplicate(admin, [item]);
    if (result?.error) throw new ConsoleRequestError(result.error.code, result.error.message);
    if (result && !result.queued) throw new ConsoleRequestError(result.reason?.code ?? 'NotQueued', result.reason?.message ?? 'Not queued.');
    return { queued: true };
  },
);

export const startBatchReplicationAction = action(batchReplicationInput, async (input) => startConsoleBatchReplication(input, randomUUID()));
