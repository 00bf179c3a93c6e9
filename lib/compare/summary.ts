import { COMPARE_CLASSES, type CompareClass, type CompareRow, type CompareSummary } from './types';

const perClass = (): Record<CompareClass, number> =>
  Object.fromEntries(COMPARE_CLASSES.map((name) => [name, 0])) as Record<CompareClass, number>;

export function emptySummary(): CompareSummary {
  return { counts: perClass(), bytes: perClass(), reasons: {}, sourceEntries: 0, destinationEntries: 0, lookups: 0, rows: 0 };
}

export function addRow(summary: CompareSummary, row: CompareRow): void {
  summary.rows += 1;
  summary.counts[row.class] += 1;
  summary.bytes[row.class] += (row.source ?? row.destination)?.size ?? 0;
  if (row.reason) summary.reasons[row.reason.code] = (summary.reasons[row.reason.code] ?? 0) + 1;
}
