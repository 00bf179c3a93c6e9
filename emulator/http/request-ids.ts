import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for per-request identifiers, drawn from a buffer refilled 8 KiB at a time: one CSPRNG call per ~170
 * requests instead of two per request. The ids identify, they protect nothing.
 */
const pool = Buffer.allocUnsafe(8192);
let offset = pool.length;

function randomSlice(length: number): Buffer {
  if (offset + length > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const slice = pool.subarray(offset, offset + length);
  offset += length;
  return slice;
}

export interface RequestIds {
  /** x-amz-request-id: 16 upper-case hex digits, as S3 sends. */
  requestId: string;
  /** x-amz-id-2: S3's extended request id, 24 random bytes in base64. */
  hostId: string;
}

export function newRequestIds(): RequestIds {
  return {
    requestId: randomSlice(8).toString('hex').toUpperCase(),
    hostId: randomSlice(24).toString('base64'),
  };
}
