import { describe, expect, it } from 'vitest';
import { newRequestIds } from './request-ids';

describe('newRequestIds', () => {
  it('has S3 shapes: 16 upper-case hex digits and 24 bytes of base64', () => {
    const { requestId, hostId } = newRequestIds();
    expect(requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(Buffer.from(hostId, 'base64')).toHaveLength(24);
  });

  it('does not repeat across many requests, including across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const ids = newRequestIds();
      seen.add(ids.requestId);
      seen.add(ids.hostId);
    }
    expect(seen.size).toBe(4000);
  });
});
