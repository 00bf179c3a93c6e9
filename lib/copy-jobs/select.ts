import type { CompareRow } from '@/lib/compare/types';
import type { CopyItem, CopyJobKind } from './types';

/** Not-replicated reasons a copy fixes: the rule matches the version, the destination lacks it. */
const COPYABLE_REASONS: ReadonlySet<string> = new Set(['EXISTED_BEFORE_RULE', 'MISSING_AT_DESTINATION']);

export type Selection = { copy: CopyItem } | { skip: { code: string; message: string } } | undefined;

/**
 * Which rows of a rule's comparison a job copies (`copy`), reports as skipped with the reason (`skip`), or
 * ignores (already replicated, pending, only in the destination).
 */
export function selectRow(row: CompareRow, kind: CopyJobKind): Selection {
  const item = (): CopyItem => ({ key: row.key, versionId: row.source?.versionId, size: row.source?.size ?? 0 });
  if (kind === 'retry-failed') return row.class === 'failed' ? { copy: item() } : undefined;
  if (row.class === 'not-replicated' && row.reason) {
    return COPYABLE_REASONS.has(row.reason.code) ? { copy: item() } : { skip: { code: row.reason.code, message: row.reason.message } };
  }
  if (row.class === 'differs') {
    return { skip: { code: 'DESTINATION_DIFFERS', message: 'The destination already holds other content under this key; it is not overwritten.' } };
  }
  if (row.class === 'failed') {
    return { skip: { code: 'REPLICATION_FAILED', message: 'Replication of this version failed; use Retry failed instead.' } };
  }
  return undefined;
}
