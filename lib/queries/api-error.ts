/** Body of every failed `/api/...` response. */
export type ApiErrorBody = { error: { code: string; message: string } };

/** Thrown by query functions when a route handler answers with an error; `useQuery`'s `error` holds it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** GET a console route handler and return its JSON, or throw ApiError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError(0, 'NetworkError', 'The console server did not answer. Is it still running?');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  if (isApiErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message);
  throw new ApiError(response.status, `Http${response.status}`, `The console server answered ${response.status}.`);
}
