import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into a server process (`node --import tsx --import ./bench/loop-delay-monitor.ts …`): once a second it
 * prints the largest event-loop delay of that second, so a probe can see whether the server's loop was held up.
 */
const INTERVAL_MS = 1000;
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const timer = setInterval(() => {
  const maxMs = histogram.max / 1e6;
  histogram.reset();
  process.stderr.write(`loop-delay t=${Date.now()} max=${maxMs.toFixed(1)}\n`);
}, INTERVAL_MS);
timer.unref();
