/** Retry schedule for temporary failures: exponential backoff with full jitter, bounded attempts. */
export interface RetryPolicy {
  /** Attempts in total (the first try included) before a temporary failure becomes FAILED. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 60_000 };

/** Delay before the next try after `attempts` failed tries (attempts ≥ 1); `random` in [0, 1). */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  // Half fixed, half jittered: never retries immediately, and spreads retries of tasks that failed together.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
