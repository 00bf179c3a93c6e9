/**
 * The embedded endpoint's JSON admin API as the compare engine and copy jobs use it: `path` starts with
 * `/_emulator/`; resolves to the parsed 2xx body, rejects otherwise. The console passes lib/aws/embedded-admin's
 * signed client; tests pass one signed with the test endpoint's key.
 */
export type AdminJson = (pathAndQuery: string, request?: { method?: 'GET' | 'POST'; body?: unknown }) => Promise<unknown>;

export interface AdminVersionStatus {
  versionId: string;
  isDeleteMarker: boolean;
  replicationStatus: string | null;
  failureReason: string | null;
  destinations: { bucket: string; status: string; failureReason: string | null; detail: string | null }[];
}

function isVersionStatus(value: unknown): value is AdminVersionStatus {
  const candidate = value as Partial<AdminVersionStatus> | null;
  return typeof candidate?.versionId === 'string' && Array.isArray(candidate.destinations);
}

/** `GET /_emulator/replication/status`; undefined when the version does not exist (any more). */
export async function adminVersionStatus(
  admin: AdminJson,
  bucket: string,
  key: string,
  versionId: string | undefined,
): Promise<AdminVersionStatus | undefined> {
  const query = new URLSearchParams({ bucket, key });
  if (versionId !== undefined) query.set('versionId', versionId);
  try {
    const status = await admin(`/_emulator/replication/status?${query}`);
    return isVersionStatus(status) ? status : undefined;
  } catch (error) {
    const { name, code } = error as { name?: unknown; code?: unknown };
    if (name === 'NoSuchVersion' || code === 'NoSuchVersion' || name === 'NoSuchKey' || code === 'NoSuchKey') return undefined;
    throw error;
  }
}

export interface AdminReplicateResult {
  key: string;
  versionId?: string;
  queued: boolean;
  destinations?: string[];
  reason?: { code: string; message: string };
  error?: { code: string; message: string };
}

/** `POST /_emulator/replication/replicate` with up to 1,000 versions: queues them as S3 Batch Replication does. */
export async function adminReplicate(
  admin: AdminJson,
  items: readonly { bucket: string; key: string; versionId?: string }[],
): Promise<AdminReplicateResult[]> {
  const answer = (await admin('/_emulator/replication/replicate', { method: 'POST', body: { items } })) as { results?: unknown };
  if (!Array.isArray(answer.results)) throw new Error('The admin API answered replicate without results.');
  return answer.results as AdminReplicateResult[];
}
