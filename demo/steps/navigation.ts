import type { Page } from '@playwright/test';
import { expect } from './expect';

/**
 * Opens a bucket's Objects tab and waits until its controls answer: the page is rendered on the server, so the
 * heading shows before the scripts that handle a chosen file have loaded.
 */
export async function openObjects(page: Page, bucket: string): Promise<void> {
  await page.goto(`/buckets/${bucket}/objects`);
  await expect(page.getByRole('heading', { level: 1, name: bucket })).toBeVisible();
  await page.waitForLoadState('networkidle');
}
