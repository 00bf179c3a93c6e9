import { z } from 'zod';
import type { RequestContext } from '../http/types';
import { replicateExistingVersion } from '../replication/batch';
import { replicationEngineFor } from '../replication/engine';
import { METRICS_INTERVAL_MS, METRICS_WINDOW_MS, replicationMetrics } from '../replication/metrics';
import { storedConfiguration } from '../replication/stored-configuration';
import { versionReplicationReport } from '../replication/version-report';
import { failedTasks, tasksActiveSince } from '../store/replication-reports';
import type { Bucket } from '../store/types';
import type { AdminRoute } from './dispatch';

/** JSON routes for the console under /_emulator/replication/ (documented in emulator/replication/README.md). */

class AdminRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const MAX_FAILURES = 1000;
const MAX_BATCH = 1000;
const MAX_BODY_BYTES = 1024 * 1024;

function requiredParam(ctx: RequestContext, name: string): string {
  const value = ctx.query.get(name);
  if (value === null || value === '') throw new AdminRequestError('InvalidArgument', `Query parameter "${name}" is required.`, 400);
  return value;
}

function requireBucket(ctx: RequestContext, name: string): Bucket {
  const bucket = ctx.store.buckets.find(name);
  if (!bucket) throw new AdminRequestError('NoSuchBucket', 'The specified bucket does not exist', 404);
  return bucket;
}

const replicateItem = z.strictObject({ bucket: z.string().min(1), key: z.string().min(1), versionId: z.string().min(1).optional() });
const replicateBody = z.union([replicateItem, z.strictObject({ items: z.array(replicateItem).min(1).max(MAX_BATCH) })]);

async function readJson(ctx: RequestContext): Promise<unknown> {
  const body = await ctx.readBody(MAX_BODY_BYTES, 'MaxMessageLengthExceeded');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AdminRequestError('MalformedJSON', 'The request body is not valid JSON.', 400);
  }
}

export const REPLICATION_ADMIN_ROUTES: AdminRoute[] = [
  {
    method: 'GET',
    path: /^\/replication\/metrics$/,
    authenticated: true,
    handler: async (ctx) => {
      const bucket = requireBucket(ctx, requiredParam(ctx, 'bucket'));
      const now = Date.now();
      const tasks = tasksActiveSince(ctx.store.db, bucket.id, now - METRICS_WINDOW_MS);
      return {
        bucket: bucket.name,
        generatedAt: now,
        windowSeconds: METRICS_WINDOW_MS / 1000,
        intervalSeconds: METRICS_INTERVAL_MS / 1000,
        rules: replicationMetrics(storedConfiguration(bucket), tasks, now),
      };
    },
  },
  {
    method: 'GET',
    path: /^\/replication\/failures$/,
    authenticated: true,
    handler: async (ctx) => {
      const bucket = requireBucket(ctx, requiredParam(ctx, 'bucket'));
      const key = ctx.query.get('key') ?? undefined;
      const tasks = failedTasks(ctx.store.db, bucket.id, key, MAX_FAILURES + 1);
      const byVersion = new Map<string, { key: string; versionId: string; isDeleteMarker: boolean; destinations: unknown[] }>();
      for (const task of tasks.slice(0, MAX_FAILURES)) {
        const id = JSON.stringify([task.key, task.versionId]);
        const entry = byVersion.get(id) ?? { key: task.key, versionId: task.versionId, isDeleteMarker: task.isDeleteMarker, destinations: [] };
        entry.destinations.push({
          bucket: task.destinationBucket,
          ruleId: task.ruleId,
          failureReason: task.failureReason,
          detail: task.failureDetail,
          failedAt: task.finishedAt,
          attempts: task.attempts,
        });
        byVersion.set(id, entry);
      }
      return { bucket: bucket.name, failures: [...byVersion.values()], truncated: tasks.length > MAX_FAILURES };
    },
  },
  {
    method: 'GET',
    path: /^\/replication\/status$/,
    authenticated: true,
    handler: async (ctx) => {
      const bucket = requireBucket(ctx, requiredParam(ctx, 'bucket'));
      const key = requiredParam(ctx, 'key');
      const report = versionReplicationReport(ctx.store, bucket, key, ctx.query.get('versionId') ?? undefined);
      if (!report) throw new AdminRequestError('NoSuchVersion', 'The specified version does not exist.', 404);
      return report;
    },
  },
  {
    method: 'POST',
    path: /^\/replication\/replicate$/,
    authenticated: true,
    handler: async (ctx) => {
      const parsed = replicateBody.safeParse(await readJson(ctx));
      if (!parsed.success) {
        throw new AdminRequestError('InvalidArgument', `Expected { bucket, key, versionId? } or { items: [...] } (at most ${MAX_BATCH}).`, 400);
      }
      const engine = replicationEngineFor(ctx.store);
      if (!engine) throw new AdminRequestError('ServiceUnavailable', 'The replication engine is not running.', 503);
      const items = 'items' in parsed.data ? parsed.data.items : [parsed.data];
      return { results: items.map((item) => replicateExistingVersion(ctx.store, engine, item)) };
    },
  },
];
