import { z } from 'zod';
import type { RowFilter } from './jobs/view';
import { MAX_WINDOW } from './jobs/view';
import { ConsoleRequestError } from './s3/request-error';
import type { CompareRequest } from './s3/resolve';
import { COMPARE_CLASSES } from './types';

const name = z.string().trim().min(1).max(255);
const integer = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).catch(fallback);

const compareParams = z.object({
  source: name,
  destination: name.optional(),
  rule: z.string().min(1).max(255).optional(),
  mode: z.enum(['current', 'versions']).catch('current'),
});

const windowParams = z.object({
  class: z.array(z.enum(COMPARE_CLASSES)),
  q: z.string().max(1024).optional(),
  offset: integer(0, Number.MAX_SAFE_INTEGER, 0),
  limit: integer(1, MAX_WINDOW, 100),
  maxAge: integer(0, 24 * 60 * 60 * 1000, 60_000),
});

function single(url: URL, key: string): string | undefined {
  const value = url.searchParams.get(key);
  return value === null || value === '' ? undefined : value;
}

function fail(issues: readonly z.core.$ZodIssue[]): never {
  const text = issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ');
  throw new ConsoleRequestError('InvalidArgument', `Invalid compare request (${text}).`);
}

/** `?source=&destination=&rule=&mode=` → what to compare. */
export function parseCompareRequest(url: URL): CompareRequest {
  const parsed = compareParams.safeParse({
    source: single(url, 'source') ?? single(url, 'bucket'),
    destination: single(url, 'destination'),
    rule: single(url, 'rule'),
    mode: single(url, 'mode'),
  });
  if (!parsed.success) fail(parsed.error.issues);
  const { source, destination, rule, mode } = parsed.data;
  return { source, mode, ...(destination ? { destination } : {}), ...(rule ? { ruleId: rule } : {}) };
}

/** `?class=pending&class=failed&q=&offset=&limit=&maxAge=` → which rows, and how fresh the comparison must be. */
export function parseWindow(url: URL): { filter: RowFilter; offset: number; limit: number; maxAgeMs: number } {
  const parsed = windowParams.safeParse({
    class: url.searchParams.getAll('class').flatMap((value) => value.split(',')).filter(Boolean),
    q: single(url, 'q'),
    offset: single(url, 'offset'),
    limit: single(url, 'limit'),
    maxAge: single(url, 'maxAge'),
  });
  if (!parsed.success) fail(parsed.error.issues);
  const { class: classes, q, offset, limit, maxAge } = parsed.data;
  return { filter: { classes, ...(q ? { search: q } : {}) }, offset, limit, maxAgeMs: maxAge };
}
