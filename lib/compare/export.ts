import type { CompareRow } from './types';

export type ExportFormat = 'csv' | 'json';

export const CSV_COLUMNS = [
  'key',
  'class',
  'reason_code',
  'reason',
  'rule_id',
  'replication_status',
  'source_version_id',
  'source_etag',
  'source_size',
  'source_last_modified',
  'source_delete_marker',
  'destination_version_id',
  'destination_etag',
  'destination_size',
  'destination_last_modified',
] as const;

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: CompareRow): string {
  const values = [
    row.key,
    row.class,
    row.reason?.code,
    row.reason?.message,
    row.ruleId,
    row.replicationStatus,
    row.source?.versionId,
    row.source?.etag,
    row.source?.size,
    row.source?.lastModified,
    row.source?.isDeleteMarker,
    row.destination?.versionId,
    row.destination?.etag,
    row.destination?.size,
    row.destination?.lastModified,
  ];
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * The rows as a byte stream: CSV with a header, or a JSON array written row by row (valid JSON once complete).
 * Pulls one row per chunk, so an export of any size streams in constant memory.
 */
export function exportStream(rows: AsyncIterable<CompareRow>, format: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '['));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(first ? ']\n' : '\n]\n'));
        controller.close();
        return;
      }
      const text = format === 'csv' ? csvLine(next.value) : `${first ? '\n' : ',\n'}${JSON.stringify(next.value)}`;
      first = false;
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
