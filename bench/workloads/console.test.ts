import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleRoutes, scriptSources } from './console';

describe('scriptSources', () => {
  it('returns each script src once, in order, with entities decoded, ignoring inline scripts', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f.push([1])</script>' +
      '<script nomodule="" src="/_next/static/chunks/polyfill.js?v=1&amp;x=2"></script><script src="/_next/static/chunks/a.js"></script>';
    expect(scriptSources(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/polyfill.js?v=1&x=2']);
  });
});

describe('consoleRoutes', () => {
  it('lists pages as URL paths, fills the bucket segment and skips api and route groups', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'routes-'));
    try {
      for (const page of ['page.tsx', 'buckets/[bucket]/versions/page.tsx', 'iam/roles/[role]/page.tsx', '(marketing)/about/page.tsx', 'api/buckets/route.ts']) {
        mkdirSync(path.dirname(path.join(dir, page)), { recursive: true });
        writeFileSync(path.join(dir, page), '');
      }
      expect(consoleRoutes(dir)).toEqual(['/', '/about', '/buckets/bench-console/versions', '/iam/roles/bench-role']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
