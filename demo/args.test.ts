import { describe, expect, it } from 'vitest';
import { parseDemoArgs, SLOW_MO_MS } from './args';

describe('parseDemoArgs', () => {
  it('runs headless, at full speed, filmed, by default', () => {
    expect(parseDemoArgs([])).toEqual({ headed: false, slowMoMs: 0, video: true, help: false });
  });

  it('reads --headed --slow --no-video', () => {
    expect(parseDemoArgs(['--headed', '--slow', '--no-video'])).toEqual({ headed: true, slowMoMs: SLOW_MO_MS, video: false, help: false });
    expect(SLOW_MO_MS).toBe(400);
  });

  it('refuses an unknown option or a positional argument, with the usage text', () => {
    expect(() => parseDemoArgs(['--fast'])).toThrow(/Unknown option '--fast'[\s\S]*Usage: npm run demo/);
    expect(() => parseDemoArgs(['jtpbucket'])).toThrow(/Usage: npm run demo/);
  });
});
