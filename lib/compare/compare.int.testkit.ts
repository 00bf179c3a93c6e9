import { PutBucketReplicationCommand, type ReplicationRule, type S3Client } from '@aws-sdk/client-s3';
import type { EmulatorHandle } from '@/emulator/index';
import { signedFetch } from '@/emulator/replication/signed-fetch.testkit';
import { s3ClientFor } from '@/emulator/test/harness';
import type { Comparison } from './compare';
import type { AdminJson } from './s3/admin-api';
import { ConsoleRequestError } from './s3/request-error';
import type { CompareRow } from './types';

/** Integration tests only: the console's admin client shape, signed with the test endpoint's root key. */
export function testAdminJson(emulator: EmulatorHandle): AdminJson {
  return async (pathAndQuery, request = {}) => {
    const url = new URL(pathAndQuery, emulator.url);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const response = await signedFetch(emulator, {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      contentType: body === undefined ? undefined : 'application/json',
    });
    const json = (await response.json()) as { error?: { code: string; message: string } };
    if (!response.ok) throw new ConsoleRequestError(json.error?.code ?? 'Error', json.error?.message ?? '', response.status);
    return json;
  };
}

/** Per-region SDK clients against the test endpoint (what lib/aws/clients gives the console). */
export function s3For(emulator: EmulatorHandle): (region?: string) => S3Client {
  const clients = new Map<string, S3Client>();
  return (region = 'us-east-1') => {
    let client = clients.get(region);
    if (!client) {
      client = s3ClientFor(emulator, region);
      clients.set(region, client);
    }
    return client;
  };
}

export async function allRows(comparison: Comparison): Promise<CompareRow[]> {
  const rows: CompareRow[] = [];
  for await (const row of comparison.rows) rows.push(row);
  return rows;
}

/** key → "class" or "class:REASON". */
export function classesByKey(rows: readonly CompareRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.key, row.reason && row.class !== 'differs' ? `${row.class}:${row.reason.code}` : row.class]));
}

export function rule(id: string, destination: string, overrides: Partial<ReplicationRule> = {}): ReplicationRule {
  return {
    ID: id,
    Priority: 1,
    Filter: { Prefix: '' },
    Status: 'Enabled',
    DeleteMarkerReplication: { Status: 'Disabled' },
    Destination: { Bucket: `arn:aws:s3:::${destination}` },
    ...overrides,
  };
}

export async function putReplication(s3: S3Client, bucket: string, role: string, rules: ReplicationRule[]): Promise<void> {
  await s3.send(new PutBucketReplicationCommand({ Bucket: bucket, ReplicationConfiguration: { Role: role, Rules: rules } }));
}
