import { describe, expect, it } from 'vitest';
import { measureDiskCeiling } from './disk-ceiling';

describe('measureDiskCeiling', () => {
  it('writes and syncs the files and reports a rate', async () => {
    const result = await measureDiskCeiling(3, 256 * 1024, 2);
    expect(result).toMatchObject({ files: 3, fileBytes: 256 * 1024, concurrency: 2 });
    expect(result.megabytesPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(result.megabytesPerSecond)).toBe(true);
  });
});
