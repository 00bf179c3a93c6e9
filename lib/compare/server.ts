import 'server-only';
import { s3Client } from '@/lib/aws/clients';
import { EmbeddedAdminError, embeddedAdminJson } from '@/lib/aws/embedded-admin';
import { describeAwsError } from '@/lib/aws/errors';
import { consoleEnv } from '@/lib/env';
import { CompareJobRegistry } from './jobs/registry';
import type { CompareView, RowFilter } from './jobs/view';
import type { AdminJson } from './s3/admin-api';
import { embeddedStatusSource } from './s3/embedded-status';
import { ConsoleRequestError } from './s3/request-error';
import { resolveCompare, type CompareRequest } from './s3/resolve';
import { runComparison } from './s3/run';

/** The console's admin client when the backend is the embedded endpoint; undefined on AWS. */
export function consoleAdminJson(): AdminJson | undefined {
  if (consoleEnv().backend !== 'embedded') return undefined;
  return async (path, request) => {
    try {
      return await embeddedAdminJson(path, (json) => json, request);
    } catch (error) {
      // Shown to people like any S3 error: the admin API's code, message and status.
      if (error instanceof EmbeddedAdminError) throw new ConsoleRequestError(error.code, error.message, error.status);
      throw error;
    }
  };
}

// One registry per server process, also when Next bundles this module into several route chunks.
const REGISTRY_KEY = Symbol.for('s3-replication-console.compare-jobs');
function registry(): CompareJobRegistry {
  const holder = globalThis as { [REGISTRY_KEY]?: CompareJobRegistry };
  holder[REGISTRY_KEY] ??= new CompareJobRegistry();
  return holder[REGISTRY_KEY];
}

export function describeJobError(error: unknown): { code: string; message: string } {
  const described = describeAwsError(error);
  if (described) return { code: described.code, message: described.message };
  console.error('Comparison failed:', error);
  return { code: 'InternalError', message: error instanceof Error ? error.message : 'The comparison failed.' };
}

export function compareJob(id: string) {
  return registry().get(id);
}

/**
 * The comparison to show for `request` (started when missing or older than `maxAgeMs`) with one window of its
 * rows. Comparisons run on the server; the page only ever holds one window.
 */
export async function compareView(
  request: CompareRequest,
  filter: RowFilter,
  offset: number,
  limit: number,
  maxAgeMs: number,
): Promise<CompareView> {
  const admin = consoleAdminJson();
  const s3 = (region?: string) => s3Client(region);
  const { job, refreshing } = await registry().current(request, maxAgeMs, {
    resolve: () => resolveCompare(s3, request),
    compare: (resolved, signal) =>
      runComparison({ s3, statusSource: admin && embeddedStatusSource(admin, resolved.destinationBucket) }, resolved, signal),
    describeError: describeJobError,
  });
  const target = job.target;
  return {
    jobId: job.id,
    state: job.state,
    ...(job.error ? { error: job.error } : {}),
    startedAt: job.startedAt,
    ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
    refreshing,
    target: {
      sourceBucket: target.sourceBucket,
      sourceRegion: target.sourceRegion,
      destinationBucket: target.destinationBucket,
      destinationRegion: target.destinationRegion,
      prefix: target.prefix,
      mode: target.request.mode,
      ...(target.rule ? { rule: target.rule } : {}),
    },
    summary: job.summary,
    window: { offset, limit, ...job.window(filter, offset, limit) },
  };
}
