import { createHmac } from 'node:crypto';

/** Distinct (secret, date, region, service) keys kept; a day's traffic needs a handful. */
const MAX_CACHED_KEYS = 256;

const cache = new Map<string, Buffer>();

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * SigV4's signing key, HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). It changes
 * once a day per key, region and service, so it is derived once and reused instead of four HMACs per request.
 */
export function signingKeyFor(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const id = `${date}\n${region}\n${service}\n${secretAccessKey}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  if (cache.size >= MAX_CACHED_KEYS) cache.clear();
  cache.set(id, key);
  return key;
}
