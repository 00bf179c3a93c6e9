/** Fixed-size sliding-window limiter: at most `limit` attempts per `windowMs` per client key. */
export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: seconds until the oldest attempt leaves the window. */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly options: { limit: number; windowMs: number; maxClients?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt by `client` and says whether it may go ahead. Refused attempts are not recorded. */
  attempt(client: string): RateLimitDecision {
    const now = this.now();
    const recent = (this.attempts.get(client) ?? []).filter((at) => at > now - this.options.windowMs);
    if (recent.length >= this.options.limit) {
      this.attempts.set(client, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.options.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.attempts.delete(client);
    this.attempts.set(client, recent);
    this.evictOldest();
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Forgets a client's attempts (after a successful login). */
  reset(client: string): void {
    this.attempts.delete(client);
  }

  /** Bounded memory: the least recently active clients go first (a Map iterates in insertion order). */
  private evictOldest(): void {
    const max = this.options.maxClients ?? 10_000;
    while (this.attempts.size > max) {
      const oldest = this.attempts.keys().next().value as string;
      this.attempts.delete(oldest);
    }
  }
}
