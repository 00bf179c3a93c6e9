import path from 'node:path';
import type { Page } from '@playwright/test';
import { RunRecord } from './recorder';

/** A URL- and file-system-safe short name for a caption: "Create jtpbucket (Ohio)" → "create-jtpbucket-ohio". */
export function slugOf(caption: string): string {
  const slug = caption
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'screenshot';
}

/** The demo's record: every screenshot is a numbered PNG in `directory`, named after its caption. */
export class ScreenshotRecord extends RunRecord {
  private count = 0;

  constructor(
    private readonly page: Page,
    private readonly directory: string,
  ) {
    super();
  }

  async screenshot(caption: string, options: { fullPage?: boolean } = {}): Promise<void> {
    this.count += 1;
    const file = `${String(this.count).padStart(2, '0')}-${slugOf(caption)}.png`;
    await this.page.screenshot({ path: path.join(this.directory, file), fullPage: options.fullPage ?? false, animations: 'disabled' });
    this.add({ kind: 'screenshot', caption, file });
  }
}
