import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildCurrent } from './build-freshness';

let root: string;

function write(relative: string, secondsAgo: number): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'build-freshness-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('isBuildCurrent', () => {
  it('is false without a production build', () => {
    write('app/page.tsx', 100);
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('is true when the build is newer than every source', () => {
    write('app/page.tsx', 100);
    write('components/ui/button.tsx', 90);
    write('package.json', 200);
    write('.next/BUILD_ID', 10);
    expect(isBuildCurrent(root)).toBe(true);
  });

  it('is false when a nested source or a config file changed after the build', () => {
    write('.next/BUILD_ID', 10);
    write('lib/replication/schema.ts', 5);
    expect(isBuildCurrent(root)).toBe(false);
    rmSync(path.join(root, 'lib'), { recursive: true });
    write('next.config.js', 1);
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('ignores tests changed after the build', () => {
    write('app/page.tsx', 100);
    write('.next/BUILD_ID', 10);
    write('lib/compare/compare.test.ts', 1);
    write('emulator/thing.int.test.ts', 1);
    expect(isBuildCurrent(root)).toBe(true);
  });
});
