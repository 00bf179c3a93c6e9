import { describe, expect, it } from 'vitest';
import { detailLine, runCrashTest, summaryLine } from './crash-run';

describe('crash test (kill -9 under load, restart on the same data directory)', () => {
  it('loses no acknowledged write, shows no torn object, replicates every version exactly once', async () => {
    const summary = await runCrashTest({ kills: 5, uptimeMs: [300, 1800] });
    console.log(`${summaryLine(summary)}\n${detailLine(summary)}`);
    expect(summary.problems).toEqual([]);
    expect(summary.acknowledged).toBeGreaterThan(20);
    expect(summary.inDoubt).toBeGreaterThan(0);
    expect({
      lost: summary.lost,
      torn: summary.torn,
      replicasMissing: summary.replicasMissing,
      duplicateReplicas: summary.duplicateReplicas,
      integrity: summary.integrity,
      orphans: summary.orphans,
      missingBlobs: summary.missingBlobs,
      rejected: summary.rejected,
    }).toEqual({ lost: 0, torn: 0, replicasMissing: 0, duplicateReplicas: 0, integrity: 'ok', orphans: 0, missingBlobs: 0, rejected: 0 });
  }, 120_000);
});
