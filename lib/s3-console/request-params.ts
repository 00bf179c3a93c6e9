import { consoleServiceError } from './service-error';

/** Route context of `app/api/buckets/[bucket]/…` (Next 16 passes params as a promise). */
export type BucketRouteContext = { params: Promise<{ bucket: string }> };

/** A required query parameter, or a 400 naming it. */
export function requiredParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw consoleServiceError('InvalidRequest', `The query parameter "${name}" is required.`, 400);
  return value;
}

export function optionalParam(url: URL, name: string): string | undefined {
  return url.searchParams.get(name) || undefined;
}
