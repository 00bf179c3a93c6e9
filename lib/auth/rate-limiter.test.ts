import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows 5 attempts per minute per client, then refuses with the wait until the oldest expires', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 5, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.attempt('10.0.0.1').allowed).toBe(true);
      now += 1_000;
    }
    expect(limiter.attempt('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 55 });
    expect(limiter.attempt('10.0.0.2').allowed).toBe(true);
    now = 1_000_000 + 60_001;
    expect(limiter.attempt('10.0.0.1').allowed).toBe(true);
    expect(limiter.attempt('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('does not count refused attempts, and forgets a client on reset', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000 }, () => now);
    limiter.attempt('a');
    limiter.attempt('a');
    for (let i = 0; i < 10; i += 1) expect(limiter.attempt('a').allowed).toBe(false);
    now = 10_001;
    expect(limiter.attempt('a').allowed).toBe(true);
    limiter.reset('a');
    expect(limiter.attempt('a').allowed).toBe(true);
    expect(limiter.attempt('a').allowed).toBe(true);
  });

  it('keeps memory bounded by forgetting the least recently active clients', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxClients: 3 }, () => 0);
    for (const client of ['a', 'b', 'c', 'd']) limiter.attempt(client);
    expect(limiter.attempt('a').allowed).toBe(true);
    expect(limiter.attempt('d').allowed).toBe(false);
  });
});
