import * as zlib from 'node:zlib';

/** Incremental CRC state; `value()` may be read at any time without ending the computation. */
export interface CrcState {
  update(chunk: Uint8Array): void;
  /** Big-endian bytes of the final CRC (4 bytes for CRC32/CRC32C, 8 for CRC64NVME). */
  value(): Uint8Array;
}

/** Eight 256-entry tables for slice-by-8 over a reflected 32-bit polynomial. */
function buildSliceBy8Tables(reflectedPolynomial: number): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ reflectedPolynomial : crc >>> 1;
    tables[0][i] = crc >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let t = 1; t < 8; t++) {
      const previous = tables[t - 1][i];
      tables[t][i] = (previous >>> 8) ^ tables[0][previous & 0xff];
    }
  }
  return tables;
}

function updateCrc32Reflected(tables: Uint32Array[], crc: number, data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = tables;
  let c = crc;
  let i = 0;
  const fastEnd = data.length - (data.length % 8);
  for (; i < fastEnd; i += 8) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c =
      t7[c & 0xff] ^
      t6[(c >>> 8) & 0xff] ^
      t5[(c >>> 16) & 0xff] ^
      t4[c >>> 24] ^
      t3[data[i + 4]] ^
      t2[data[i + 5]] ^
      t1[data[i + 6]] ^
      t0[data[i + 7]];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

function uint32BigEndian(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, false);
  return out;
}

let crc32IeeeTables: Uint32Array[] | undefined;
let crc32cTables: Uint32Array[] | undefined;

/** A table-driven reflected CRC-32 with init and final XOR 0xFFFFFFFF. */
function tableCrc32(tables: Uint32Array[]): CrcState {
  let crc = 0xffffffff;
  return {
    update(chunk) {
      crc = updateCrc32Reflected(tables, crc, chunk);
    },
    value: () => uint32BigEndian(~crc),
  };
}

/** CRC-32 (IEEE 802.3, as zip/PNG): zlib's native implementation when Node has it (20.15+). */
export function createCrc32(): CrcState {
  if (typeof zlib.crc32 === 'function') {
    let crc = 0;
    return {
      update(chunk) {
        crc = zlib.crc32(chunk, crc);
      },
      value: () => uint32BigEndian(crc),
    };
  }
  return createCrc32FromTable();
}

/** Table-driven CRC-32 (IEEE), the fallback for Node releases without `zlib.crc32`. */
export function createCrc32FromTable(): CrcState {
  crc32IeeeTables ??= buildSliceBy8Tables(0xedb88320);
  return tableCrc32(crc32IeeeTables);
}

/** CRC-32C (Castagnoli). */
export function createCrc32c(): CrcState {
  crc32cTables ??= buildSliceBy8Tables(0x82f63b78);
  return tableCrc32(crc32cTables);
}

/** CRC-64/NVME slice-by-8 tables; each 64-bit entry is kept as two 32-bit halves to avoid BigInt in the hot loop. */
interface Crc64Tables {
  high: Uint32Array[];
  low: Uint32Array[];
}

let crc64NvmeTables: Crc64Tables | undefined;

function buildCrc64NvmeTables(): Crc64Tables {
  // Reflected form of the NVMe polynomial 0xad93d23594c93659.
  const polyHigh = 0x9a6c9329;
  const polyLow = 0xac4bc9b5;
  const high = Array.from({ length: 8 }, () => new Uint32Array(256));
  const low = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let i = 0; i < 256; i++) {
    let h = 0;
    let l = i;
    for (let bit = 0; bit < 8; bit++) {
      const carry = l & 1;
      l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
      h = h >>> 1;
      if (carry) {
        h = (h ^ polyHigh) >>> 0;
        l = (l ^ polyLow) >>> 0;
      }
    }
    high[0][i] = h;
    low[0][i] = l;
  }
  for (let t = 1; t < 8; t++) {
    for (let i = 0; i < 256; i++) {
      const h = high[t - 1][i];
      const l = low[t - 1][i];
      const index = l & 0xff;
      high[t][i] = ((h >>> 8) ^ high[0][index]) >>> 0;
      low[t][i] = (((l >>> 8) | (h << 24)) ^ low[0][index]) >>> 0;
    }
  }
  return { high, low };
}

/** CRC-64/NVME (init and final XOR all ones, reflected). */
export function createCrc64Nvme(): CrcState {
  crc64NvmeTables ??= buildCrc64NvmeTables();
  const { high, low } = crc64NvmeTables;
  const [h0, h1, h2, h3, h4, h5, h6, h7] = high;
  const [l0, l1, l2, l3, l4, l5, l6, l7] = low;
  let h = 0xffffffff;
  let l = 0xffffffff;
  return {
    update(chunk) {
      let i = 0;
      const fastEnd = chunk.length - (chunk.length % 8);
      for (; i < fastEnd; i += 8) {
        const a = l ^ (chunk[i] | (chunk[i + 1] << 8) | (chunk[i + 2] << 16) | (chunk[i + 3] << 24));
        const b = h ^ (chunk[i + 4] | (chunk[i + 5] << 8) | (chunk[i + 6] << 16) | (chunk[i + 7] << 24));
        const ia = a & 0xff;
        const ib = (a >>> 8) & 0xff;
        const ic = (a >>> 16) & 0xff;
        const id = a >>> 24;
        const ie = b & 0xff;
        const iff = (b >>> 8) & 0xff;
        const ig = (b >>> 16) & 0xff;
        const ih = b >>> 24;
        h = h7[ia] ^ h6[ib] ^ h5[ic] ^ h4[id] ^ h3[ie] ^ h2[iff] ^ h1[ig] ^ h0[ih];
        l = l7[ia] ^ l6[ib] ^ l5[ic] ^ l4[id] ^ l3[ie] ^ l2[iff] ^ l1[ig] ^ l0[ih];
      }
      for (; i < chunk.length; i++) {
        const index = (l ^ chunk[i]) & 0xff;
        const shiftedLow = (l >>> 8) | (h << 24);
        h = (h >>> 8) ^ h0[index];
        l = shiftedLow ^ l0[index];
      }
    },
    value() {
      const out = new Uint8Array(8);
      const view = new DataView(out.buffer);
      view.setUint32(0, ~h >>> 0, false);
      view.setUint32(4, ~l >>> 0, false);
      return out;
    },
  };
}
