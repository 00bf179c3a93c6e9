import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, exportStream } from './export';
import type { CompareRow } from './types';

async function* rowsOf(rows: CompareRow[]) {
  yield* rows;
}

const rows: CompareRow[] = [
  { key: 'a,"b"\nc', class: 'not-replicated', source: { size: 3, versionId: 'v1' }, reason: { code: 'EXISTED_BEFORE_RULE', message: 'before' }, ruleId: 'r' },
  { key: '=cmd()', class: 'only-in-destination', destination: { size: 1, etag: '"e"' } },
];

describe('export', () => {
  it('escapes CSV fields and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(undefined)).toBe('');
  });

  it('streams CSV with a header line per row', async () => {
    const text = await new Response(exportStream(rowsOf(rows), 'csv')).text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(text).toContain('"a,""b""\nc",not-replicated,EXISTED_BEFORE_RULE,before,r,,v1,,3');
    expect(text).toContain("'=cmd(),only-in-destination");
  });

  it('streams a JSON array that parses back to the rows', async () => {
    expect(JSON.parse(await new Response(exportStream(rowsOf(rows), 'json')).text())).toEqual(rows);
    expect(JSON.parse(await new Response(exportStream(rowsOf([]), 'json')).text())).toEqual([]);
  });
});
