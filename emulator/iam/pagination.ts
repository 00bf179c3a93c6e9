import { element } from './xml';

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  /** Where the next page starts; present only when truncated. */
  marker?: string;
}

/**
 * One page of an ordered list. The marker names the first item of the next page (by its sort key), so a
 * marker stays valid when items before it are deleted. IAM's default page size is 100.
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, marker: string | undefined, maxItems = 100): Page<T> {
  const startKey = marker === undefined ? undefined : decodeMarker(marker);
  const start = startKey === undefined ? 0 : items.findIndex((item) => keyOf(item) >= startKey);
  const rest = start < 0 ? [] : items.slice(start);
  const page = rest.slice(0, maxItems);
  if (rest.length <= maxItems) return { items: page, isTruncated: false };
  return { items: page, isTruncated: true, marker: encodeMarker(keyOf(rest[maxItems])) };
}

function encodeMarker(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeMarker(marker: string): string {
  return Buffer.from(marker, 'base64url').toString('utf8');
}

/** `<IsTruncated>` and, when truncated, `<Marker>`. */
export function paginationXml(page: Page<unknown>): string {
  return element('IsTruncated', page.isTruncated) + element('Marker', page.marker);
}
