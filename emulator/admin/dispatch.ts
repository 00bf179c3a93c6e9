import type { Authentication, RequestContext, S3Response } from '../http/types';
import { REPLICATION_ADMIN_ROUTES } from './replication-routes';

/** The JSON admin API under /_emulator/ used by the console. */

export type AdminHandler = (ctx: RequestContext, match: RegExpExecArray) => Promise<unknown>;

export interface AdminRoute {
  method: string;
  /** Matched against the path after /_emulator. */
  path: RegExp;
  /** Health checks are open; everything else needs a request SigV4-signed with the root key. */
  authenticated: boolean;
  handler: AdminHandler;
}

export class AdminError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const ADMIN_ROUTES: AdminRoute[] = [
  { method: 'GET', path: /^\/health$/, authenticated: false, handler: async () => ({ ok: true }) },
  ...REPLICATION_ADMIN_ROUTES,
];

/** The admin API acts on every bucket and the replication queue at once, beyond any IAM action, so only root may call it. */
function requireRoot(auth: Authentication): void {
  if (auth.principal.type !== 'root') {
    throw new AdminError('AccessDenied', 'Only the root user may call the admin API.', 403);
  }
}

function json(status: number, value: unknown): S3Response {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

export async function handleAdminRequest(
  ctx: RequestContext,
  authenticate: () => Promise<Authentication>,
): Promise<S3Response> {
  const subPath = ctx.rawPath.slice('/_emulator'.length);
  const candidates = ADMIN_ROUTES.filter((route) => route.path.test(subPath));
  if (candidates.length === 0) return json(404, { error: { code: 'NotFound', message: 'No such admin route' } });
  const route = candidates.find((candidate) => candidate.method === ctx.method);
  if (!route) return json(405, { error: { code: 'MethodNotAllowed', message: 'Method not allowed' } });
  try {
    if (route.authenticated) {
      ctx.auth = await authenticate();
      requireRoot(ctx.auth);
    }
    const match = route.path.exec(subPath) as RegExpExecArray;
    return json(200, await route.handler(ctx, match));
  } catch (error) {
    if (error instanceof AdminError) return json(error.status, { error: { code: error.code, message: error.message } });
    const coded = error as { code?: unknown; status?: unknown; message?: unknown };
    if (typeof coded.code === 'string' && typeof coded.status === 'number') {
      return json(coded.status, { error: { code: coded.code, message: String(coded.message) } });
    }
    throw error;
  }
}
