import { performance } from 'node:perf_hooks';

export interface OpenLoopResult {
  /** Requests started. */
  sent: number;
  /** Seconds from the first start to the last completion. */
  seconds: number;
  /** Completed requests per second over that time. */
  achievedRate: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open-loop load: request i starts at t0 + i / rate whether or not earlier ones have finished (a slow server does
 * not slow the arrivals down, so queueing shows up as latency, as with real clients).
 */
export async function runOpenLoop(options: { rate: number; seconds: number; fire(index: number): Promise<void> }): Promise<OpenLoopResult> {
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let completed = 0;
  for (let i = 0; i < total; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait >= 1) await sleep(wait);
    inFlight.push(
      options.fire(i).then(
        () => {
          completed += 1;
        },
        () => undefined,
      ),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { sent: total, seconds, achievedRate: completed / seconds };
}
