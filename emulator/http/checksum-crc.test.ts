import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCrc32, createCrc32FromTable } from './checksum-crc';

const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('CRC-32 implementations', () => {
  it('the table fallback matches zlib on random data in random pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), (pieces) => {
        const table = createCrc32FromTable();
        const native = createCrc32();
        for (const piece of pieces) {
          table.update(piece);
          native.update(piece);
        }
        expect(hexOf(table.value())).toBe(hexOf(native.value()));
        expect(hexOf(table.value())).toBe(zlib.crc32(Buffer.concat(pieces)).toString(16).padStart(8, '0'));
      }),
    );
  });
});
