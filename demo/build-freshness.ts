import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What `next build` reads: a change to any of these makes an existing build stale. */
const SOURCE_DIRECTORIES = ['app', 'components', 'lib', 'public'];
const SOURCE_FILES = ['next.config.js', 'next.config.ts', 'next.config.mjs', 'postcss.config.mjs', 'package.json', 'package-lock.json'];
const IGNORED = /\.(test|int\.test)\.tsx?$/;

function newestMtime(entry: string): number {
  let stats;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return IGNORED.test(entry) ? 0 : stats.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/**
 * Whether `<root>/.next` holds a production build made after the last change to the console's sources.
 * Tests are ignored (the build does not include them).
 */
export function isBuildCurrent(root: string): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
  } catch {
    return false;
  }
  const sources = [...SOURCE_DIRECTORIES, ...SOURCE_FILES].map((name) => newestMtime(path.join(root, name)));
  return Math.max(...sources) <= builtAt;
}
