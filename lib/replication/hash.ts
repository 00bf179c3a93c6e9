/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of a string, as 16 hex characters. Pure and synchronous so that it
 * runs the same in the browser, the console server and the endpoint; not a cryptographic hash.
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

export function fnv1a64Hex(value: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(value)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
